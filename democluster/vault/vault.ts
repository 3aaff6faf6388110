// The fake secret backend behind (Cluster)SecretStores: one vault per store name, items with string fields.
// Field names are case-sensitive, like 1Password/Vault. Every change bumps the item's version (rotation flows
// read it later). Values never leave this module except through get() for the ESO controllers; describe() shows
// names and short sha256 fingerprints only (tests compare values they know without the demo revealing any).
import { fingerprint } from "../sim/databases";
export interface VaultItem {
  fields: Record<string, string>;
  version: number;
  updatedAt: string;
}

export interface VaultSummary {
  store: string;
  unreachable: boolean;
  items: { name: string; fields: string[]; fingerprints: Record<string, string>; version: number; updatedAt: string }[];
}

type Listener = (store: string, item: string | undefined) => void;

export class Vault {
  private readonly stores = new Map<string, Map<string, VaultItem>>();
  private readonly unreachable = new Set<string>();
  private readonly listeners = new Set<Listener>();

  ensureStore(store: string): void {
    if (!this.stores.has(store)) this.stores.set(store, new Map());
  }

  hasStore(store: string): boolean {
    return this.stores.has(store);
  }

  isReachable(store: string): boolean {
    return this.stores.has(store) && !this.unreachable.has(store);
  }

  setUnreachable(store: string, unreachable: boolean): void {
    if (unreachable) this.unreachable.add(store);
    else this.unreachable.delete(store);
    this.emit(store, undefined);
  }

  /** Creates the item or replaces the given fields (other fields stay). */
  set(store: string, item: string, fields: Record<string, string>): void {
    for (const [k, v] of Object.entries(fields)) {
      if (typeof v !== "string") throw new Error(`vault field ${item}.${k} must be a string`);
    }
    this.ensureStore(store);
    const items = this.stores.get(store) as Map<string, VaultItem>;
    const current = items.get(item);
    items.set(item, {
      fields: { ...(current?.fields ?? {}), ...fields },
      version: (current?.version ?? 0) + 1,
      updatedAt: new Date().toISOString(),
    });
    this.emit(store, item);
  }

  /** Deletes an item, or one field of it. Unknown names are a no-op. */
  delete(store: string, item: string, field?: string): void {
    const items = this.stores.get(store);
    const current = items?.get(item);
    if (!items || !current) return;
    if (field === undefined) items.delete(item);
    else {
      const fields = { ...current.fields };
      delete fields[field];
      items.set(item, { fields, version: current.version + 1, updatedAt: new Date().toISOString() });
    }
    this.emit(store, item);
  }

  get(store: string, item: string): VaultItem | undefined {
    const found = this.stores.get(store)?.get(item);
    return found ? { ...found, fields: { ...found.fields } } : undefined;
  }

  storeNames(): string[] {
    return [...this.stores.keys()].sort();
  }

  /** Names and fingerprints, never values. */
  describe(): VaultSummary[] {
    return this.storeNames().map((store) => ({
      store,
      unreachable: this.unreachable.has(store),
      items: [...(this.stores.get(store) as Map<string, VaultItem>).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, it]) => ({
          name,
          fields: Object.keys(it.fields).sort(),
          fingerprints: Object.fromEntries(Object.entries(it.fields).map(([k, v]) => [k, fingerprint(v)])),
          version: it.version,
          updatedAt: it.updatedAt,
        })),
    }));
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(store: string, item: string | undefined): void {
    for (const l of [...this.listeners]) l(store, item);
  }
}
