// In-memory Store (see types.ts). Objects are kept as immutable entries; every write replaces the entry, bumps the
// single global resourceVersion, appends to the retained event window and notifies subscribers synchronously.
import type { KObject, ResourceKey, ResourceType, Store, StoreEvent, WatchEventType, WriteOptions } from "./types";
import { alreadyExists, conflict, notFound, StatusError } from "./errors";
import { type Entry, entryCopy } from "./entry";
import { EventWindow, type RawEvent } from "./event-window";
import { hasChanges, finishUpdate, mergeForUpdate, prepareCreate } from "./write-rules";
import { deepClone, nowTimestamp } from "./object-utils";
import { GarbageCollector } from "./garbage-collector";

export interface MemoryStoreOptions {
  /** How many events are retained for watch resume (default 10,000). */
  eventWindow?: number;
}

export interface DeleteOptions {
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  dryRun?: boolean;
}

interface Bucket {
  rt: ResourceType;
  typeKey: string;
  byNamespace: Map<string, Map<string, Entry>>; // "" for cluster-scoped
}

export function typeKeyOf(key: ResourceKey): string {
  return `${key.group}/${key.plural}`;
}

export class MemoryStore implements Store {
  private readonly buckets = new Map<string, Bucket>();
  private rv = 0;
  private readonly window: EventWindow;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly rawListeners = new Set<(event: RawEvent) => void>();
  private readonly gc: GarbageCollector;

  constructor(types: ResourceType[], options: MemoryStoreOptions = {}) {
    for (const rt of types) {
      const typeKey = typeKeyOf(rt);
      this.buckets.set(typeKey, { rt, typeKey, byNamespace: new Map() });
    }
    this.window = new EventWindow(options.eventWindow ?? 10_000);
    this.gc = new GarbageCollector(this);
  }

  resourceType(key: ResourceKey): ResourceType | undefined {
    return this.buckets.get(typeKeyOf(key))?.rt;
  }

  resourceTypes(): ResourceType[] {
    return [...this.buckets.values()].map((b) => b.rt);
  }

  get(key: ResourceKey, namespace: string | undefined, name: string): KObject | undefined {
    const entry = this.getEntry(key, namespace, name);
    return entry ? entryCopy(entry) : undefined;
  }

  list(key: ResourceKey, namespace?: string): KObject[] {
    return this.listEntries(key, namespace).map(entryCopy);
  }

  /** The stored (immutable, shared) entry. Callers must not mutate entry.obj. */
  getEntry(key: ResourceKey, namespace: string | undefined, name: string): Entry | undefined {
    const bucket = this.bucket(key);
    return bucket.byNamespace.get(this.nsKey(bucket.rt, namespace))?.get(name);
  }

  /** Stored entries sorted by namespace then name (read-only). */
  listEntries(key: ResourceKey, namespace?: string): Entry[] {
    const bucket = this.bucket(key);
    const out: Entry[] = [];
    if (namespace !== undefined && bucket.rt.namespaced) {
      const names = bucket.byNamespace.get(namespace);
      if (names) for (const e of names.values()) out.push(e);
      return out.sort((a, b) => cmp(a.obj.metadata.name, b.obj.metadata.name));
    }
    for (const names of bucket.byNamespace.values()) for (const e of names.values()) out.push(e);
    return out.sort(
      (a, b) =>
        cmp(a.obj.metadata.namespace ?? "", b.obj.metadata.namespace ?? "") ||
        cmp(a.obj.metadata.name, b.obj.metadata.name),
    );
  }

  /** Number of stored objects of a type (cheap). */
  count(key: ResourceKey): number {
    let n = 0;
    for (const names of this.bucket(key).byNamespace.values()) n += names.size;
    return n;
  }

  create(key: ResourceKey, obj: KObject, opts: WriteOptions = {}): KObject {
    const bucket = this.bucket(key);
    const next = prepareCreate(bucket.rt, obj, opts.fieldManager ?? "unknown");
    if (this.getEntry(key, next.metadata.namespace, next.metadata.name))
      throw alreadyExists(bucket.rt, next.metadata.name);
    if (opts.dryRun) return next;
    return entryCopy(this.commit(bucket, "ADDED", next, undefined));
  }

  update(key: ResourceKey, obj: KObject, opts: WriteOptions = {}): KObject {
    const bucket = this.bucket(key);
    const name = obj.metadata?.name;
    const current = this.getEntry(key, obj.metadata?.namespace, name);
    if (!current) throw notFound(bucket.rt, name);
    const wanted = obj.metadata.resourceVersion;
    if (wanted !== undefined && wanted !== "" && wanted !== current.obj.metadata.resourceVersion)
      throw conflict(bucket.rt, name);
    return this.write(bucket, current, deepClone(obj), opts);
  }

  mutate(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    fn: (obj: KObject) => void,
    opts: WriteOptions = {},
  ): KObject | undefined {
    const bucket = this.bucket(key);
    const current = this.getEntry(key, namespace, name);
    if (!current) return undefined;
    const draft = entryCopy(current);
    fn(draft);
    return this.write(bucket, current, draft, opts);
  }

  delete(key: ResourceKey, namespace: string | undefined, name: string): KObject {
    return this.deleteWithOptions(key, namespace, name, {});
  }

  deleteWithOptions(key: ResourceKey, namespace: string | undefined, name: string, opts: DeleteOptions): KObject {
    const bucket = this.bucket(key);
    const current = this.getEntry(key, namespace, name);
    if (!current) throw notFound(bucket.rt, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== current.obj.metadata.uid) {
      throw conflict(
        bucket.rt,
        name,
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.obj.metadata.uid}`,
      );
    }
    if (pre?.resourceVersion && pre.resourceVersion !== current.obj.metadata.resourceVersion) {
      throw conflict(
        bucket.rt,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.obj.metadata.resourceVersion}`,
      );
    }
    if ((current.obj.metadata.finalizers?.length ?? 0) > 0) {
      if (current.obj.metadata.deletionTimestamp || opts.dryRun) return entryCopy(current);
      const next = entryCopy(current);
      next.metadata.deletionTimestamp = nowTimestamp();
      return entryCopy(this.commit(bucket, "MODIFIED", next, current));
    }
    if (opts.dryRun) return entryCopy(current);
    const removed = this.commit(bucket, "DELETED", entryCopy(current), current);
    if (opts.propagationPolicy !== "Orphan") this.gc.objectRemoved(bucket.rt, removed.obj);
    return entryCopy(removed);
  }

  currentResourceVersion(): string {
    return String(this.rv);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Like subscribe, but hands out the shared immutable entries (no copies). For the HTTP watch fan-out. */
  subscribeRaw(listener: (event: RawEvent) => void): () => void {
    this.rawListeners.add(listener);
    return () => this.rawListeners.delete(listener);
  }

  /** Retained events after `rv`; undefined when the window no longer reaches back that far (410 Gone). */
  eventsSince(rv: number): RawEvent[] | undefined {
    return this.window.since(rv);
  }

  oldestResumableVersion(): number {
    return this.window.oldestResumable();
  }

  private write(bucket: Bucket, current: Entry, incoming: KObject, opts: WriteOptions): KObject {
    const next = mergeForUpdate(bucket.rt, current.obj, incoming, opts.subresource);
    if (!hasChanges(current.obj, next)) return entryCopy(current);
    finishUpdate(current.obj, next, opts.fieldManager ?? "unknown", opts.subresource);
    if (opts.dryRun) return next;
    const finalizing = next.metadata.deletionTimestamp && (next.metadata.finalizers?.length ?? 0) === 0;
    const entry = this.commit(bucket, finalizing ? "DELETED" : "MODIFIED", next, current);
    if (finalizing) this.gc.objectRemoved(bucket.rt, entry.obj);
    return entryCopy(entry);
  }

  private commit(bucket: Bucket, type: WatchEventType, obj: KObject, previous: Entry | undefined): Entry {
    this.rv += 1;
    obj.metadata.resourceVersion = String(this.rv);
    const entry: Entry = { obj, rv: this.rv };
    const ns = this.nsKey(bucket.rt, obj.metadata.namespace);
    let names = bucket.byNamespace.get(ns);
    if (type === "DELETED") {
      names?.delete(obj.metadata.name);
      if (names && names.size === 0) bucket.byNamespace.delete(ns);
    } else {
      if (!names) bucket.byNamespace.set(ns, (names = new Map()));
      names.set(obj.metadata.name, entry);
    }
    this.gc.track(bucket.rt, previous?.obj, type === "DELETED" ? undefined : obj);
    const raw: RawEvent = { rv: this.rv, type, resource: bucket.rt, typeKey: bucket.typeKey, entry, previous };
    this.window.push(raw);
    this.notify(raw);
    return entry;
  }

  private notify(raw: RawEvent): void {
    const errors: unknown[] = [];
    for (const l of [...this.rawListeners]) {
      try {
        l(raw);
      } catch (err) {
        errors.push(err);
      }
    }
    for (const l of [...this.listeners]) {
      try {
        l({ type: raw.type, resource: raw.resource, object: entryCopy(raw.entry) });
      } catch (err) {
        errors.push(err);
      }
    }
    // A failing listener must not undo a committed write nor starve the other listeners: report and go on.
    for (const err of errors) console.error("democluster store: event listener failed:", err);
  }

  private bucket(key: ResourceKey): Bucket {
    const bucket = this.buckets.get(typeKeyOf(key));
    if (!bucket)
      throw new StatusError(404, "NotFound", `the server could not find the requested resource (${typeKeyOf(key)})`);
    return bucket;
  }

  private nsKey(rt: ResourceType, namespace: string | undefined): string {
    return rt.namespaced ? (namespace ?? "") : "";
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
