// Background garbage collection: when an object goes away, its dependents (ownerReferences with a matching uid)
// are deleted; when a Namespace goes away, everything in it is deleted. Runs on setImmediate, like the real
// garbage collector runs after the owner's DELETE has returned.
import type { KObject, ResourceType } from "./types";
import { StatusError } from "./errors";

interface DependentRef {
  group: string;
  plural: string;
  namespace: string | undefined;
  name: string;
}

/** The subset of MemoryStore the collector needs (avoids a circular import of the class). */
export interface CollectableStore {
  resourceTypes(): ResourceType[];
  listEntries(key: { group: string; plural: string }, namespace?: string): { obj: KObject }[];
  delete(key: { group: string; plural: string }, namespace: string | undefined, name: string): KObject;
}

function refKey(ref: DependentRef): string {
  return `${ref.group}/${ref.plural}/${ref.namespace ?? ""}/${ref.name}`;
}

export class GarbageCollector {
  private readonly dependents = new Map<string, Map<string, DependentRef>>(); // owner uid -> dependents

  constructor(private readonly store: CollectableStore) {}

  /** Keeps the owner index current; call on every commit with the previous and new object (undefined = gone). */
  track(rt: ResourceType, previous: KObject | undefined, next: KObject | undefined): void {
    const prevOwners = previous?.metadata.ownerReferences ?? [];
    const nextOwners = next?.metadata.ownerReferences ?? [];
    if (prevOwners.length === 0 && nextOwners.length === 0) return;
    const obj = (next ?? previous) as KObject;
    const ref: DependentRef = {
      group: rt.group,
      plural: rt.plural,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
    };
    const key = refKey(ref);
    for (const o of prevOwners) this.dependents.get(o.uid)?.delete(key);
    for (const o of nextOwners) {
      let set = this.dependents.get(o.uid);
      if (!set) this.dependents.set(o.uid, (set = new Map()));
      set.set(key, ref);
    }
    for (const o of prevOwners) if (this.dependents.get(o.uid)?.size === 0) this.dependents.delete(o.uid);
  }

  /** Schedules deletion of the dependents of a removed object. */
  objectRemoved(rt: ResourceType, obj: KObject): void {
    const uid = obj.metadata.uid;
    const targets: DependentRef[] = [];
    if (uid) targets.push(...(this.dependents.get(uid)?.values() ?? []));
    if (rt.group === "" && rt.plural === "namespaces") targets.push(...this.namespaceContents(obj.metadata.name));
    if (targets.length === 0) return;
    setImmediate(() => this.deleteAll(targets));
  }

  private namespaceContents(namespace: string): DependentRef[] {
    const out: DependentRef[] = [];
    for (const rt of this.store.resourceTypes()) {
      if (!rt.namespaced) continue;
      for (const { obj } of this.store.listEntries(rt, namespace)) {
        out.push({ group: rt.group, plural: rt.plural, namespace, name: obj.metadata.name });
      }
    }
    return out;
  }

  private deleteAll(targets: DependentRef[]): void {
    for (const t of targets) {
      try {
        this.store.delete({ group: t.group, plural: t.plural }, t.namespace, t.name);
      } catch (err) {
        // Already gone (deleted by someone else in the meantime) is expected; anything else is a bug.
        if (!(err instanceof StatusError && err.code === 404)) throw err;
      }
    }
  }
}
