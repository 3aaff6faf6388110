// The provider side of ESO's PushSecret against the fake vault: which stores a PushSecret targets, and writing /
// deleting its spec.data entries there. Like ESO's vault and 1Password providers, a remoteRef with a `property`
// sets only that field of the item and keeps the others; without one the item's "password" field is written (the
// same default the ExternalSecret side reads). Error texts follow pkg/controllers/pushsecret.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asMaps, asString, getPath, matchesLabels, specOf, unbase64 } from "../sim/objects";
import { getCondition } from "../sim/conditions";
import { canPush, capabilitiesOf } from "./eso-capabilities";
import { vaultNameOf } from "./eso-secret-store";

export interface PushEntry {
  secretKey: string;
  remoteKey: string;
  property?: string;
  /** The spec.data entry as written (status.syncedPushSecrets repeats it). */
  raw: Record<string, unknown>;
}

/** status.syncedPushSecrets: "<Kind>/<store>" → "<remoteKey>[/<property>]" → the spec.data entry. */
export type SyncedMap = Record<string, Record<string, Record<string, unknown>>>;

export type PushOutcome =
  { ok: true; synced: SyncedMap; unchanged: boolean } | { ok: false; error: string; synced: SyncedMap };

const DEFAULT_FIELD = "password";

export function entriesOf(ps: KObject): PushEntry[] {
  return asMaps(specOf(ps).data).map((d) => ({
    secretKey: asString(getPath(d, "match.secretKey")) ?? "",
    remoteKey: asString(getPath(d, "match.remoteRef.remoteKey")) ?? "",
    property: asString(getPath(d, "match.remoteRef.property")) || undefined,
    raw: d,
  }));
}

export function statusRef(e: { remoteKey: string; property?: string }): string {
  return e.property ? `${e.remoteKey}/${e.property}` : e.remoteKey;
}

export function sourceNameOf(ps: KObject): string | undefined {
  return asString(getPath(ps, "spec.selector.secret.name"));
}

/** The stores of spec.secretStoreRefs (kind defaults to SecretStore; a labelSelector's matchLabels selects many). */
export function storesOf(ctx: SimContext, ps: KObject): { ok: true; stores: KObject[] } | { ok: false; error: string } {
  const ns = ps.metadata.namespace;
  const out: KObject[] = [];
  for (const ref of asMaps(specOf(ps).secretStoreRefs)) {
    const kind = asString(ref.kind) ?? "SecretStore";
    const key = kind === "ClusterSecretStore" ? R.clustersecretstores : R.secretstores;
    const scope = kind === "ClusterSecretStore" ? undefined : ns;
    const selector = asMap(getPath(ref, "labelSelector.matchLabels")) as Record<string, string> | undefined;
    if (selector) {
      out.push(...ctx.store.list(key, scope).filter((s) => matchesLabels(s.metadata.labels, selector)));
      continue;
    }
    const name = asString(ref.name);
    if (!name) return { ok: false, error: "refStore Name must be provided" };
    const store = ctx.store.get(key, scope, name);
    if (!store)
      return {
        ok: false,
        error: `could not get ${kind} "${name}", ${key.plural}.external-secrets.io "${name}" not found`,
      };
    out.push(store);
  }
  return { ok: true, stores: out };
}

function storeKeyOf(store: KObject): string {
  return `${store.kind}/${store.metadata.name}`;
}

/** Pushes every spec.data entry to every store; stops at the first error like ESO. */
export function pushAll(ctx: SimContext, ps: KObject, source: KObject, stores: KObject[]): PushOutcome {
  const synced: SyncedMap = {};
  const data = (asMap(source.data) ?? {}) as Record<string, string>;
  const ifNotExists = asString(specOf(ps).updatePolicy) === "IfNotExists";
  let unchanged = ifNotExists;
  for (const store of stores) {
    const name = store.metadata.name;
    const storeKey = storeKeyOf(store);
    synced[storeKey] = {};
    if (getCondition(store, "Ready")?.status !== "True") {
      return {
        ok: false,
        synced,
        error: `set secret failed: could not get secrets client for store ${name}: ${store.kind} "${name}" is not ready`,
      };
    }
    const vault = vaultNameOf(store);
    for (const e of entriesOf(ps)) {
      if (data[e.secretKey] === undefined)
        return { ok: false, synced, error: `set secret failed: secret key ${e.secretKey} does not exist` };
      if (!canPush(capabilitiesOf(store))) {
        return {
          ok: false,
          synced,
          error: `set secret failed: could not write remote ref ${e.secretKey} to target secretstore ${name}: not implemented`,
        };
      }
      const field = e.property ?? DEFAULT_FIELD;
      const item = ctx.vault.get(vault, e.remoteKey);
      if (ifNotExists && item && item.fields[field] !== undefined) {
        synced[storeKey][statusRef(e)] = e.raw;
        continue;
      }
      unchanged = false;
      const value = unbase64(data[e.secretKey]);
      if (item?.fields[field] !== value) ctx.vault.set(vault, e.remoteKey, { [field]: value });
      synced[storeKey][statusRef(e)] = e.raw;
    }
  }
  return { ok: true, synced, unchanged };
}

/** Removes pushed entries from their stores (deletionPolicy Delete): `keep` lists what is still pushed. */
export function deleteRemote(ctx: SimContext, ps: KObject, old: SyncedMap, keep: SyncedMap): string | undefined {
  for (const [storeKey, entries] of Object.entries(old)) {
    const [kind, name] = storeKey.split("/");
    const key = kind === "ClusterSecretStore" ? R.clustersecretstores : R.secretstores;
    const store = ctx.store.get(key, kind === "ClusterSecretStore" ? undefined : ps.metadata.namespace, name ?? "");
    if (!store) return `could not get secrets client for store ${storeKey}: ${kind} "${name ?? ""}" not found`;
    for (const [ref, raw] of Object.entries(entries)) {
      if (keep[storeKey]?.[ref]) continue;
      const remoteKey = asString(getPath(raw, "match.remoteRef.remoteKey")) ?? "";
      const property = asString(getPath(raw, "match.remoteRef.property")) || undefined;
      const vault = vaultNameOf(store);
      ctx.vault.delete(vault, remoteKey, property);
      // Like ESO's 1Password provider: an item left without fields is deleted too.
      const rest = ctx.vault.get(vault, remoteKey);
      if (rest && Object.keys(rest.fields).length === 0) ctx.vault.delete(vault, remoteKey);
    }
  }
  return undefined;
}
