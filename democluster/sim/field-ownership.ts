// Reads metadata.managedFields to decide which fields an apply may drop. Mirrors kustomize-controller, which
// removes fields owned by managers prefixed "kubectl" (and "before-first-apply") and then applies its own set.
import type { KObject, ManagedFieldsEntry } from "../store/types";
import { isMap } from "./objects";

export function isStrippableManager(manager: string): boolean {
  return manager.startsWith("kubectl") || manager === "before-first-apply";
}

/** True when fieldsV1 records `path` (or something below it). */
function treeHas(tree: unknown, path: readonly string[]): boolean {
  let cur: unknown = tree;
  for (const p of path) {
    if (!isMap(cur)) return false;
    const next = cur[`f:${p}`];
    if (next === undefined) return false;
    cur = next;
  }
  return true;
}

export function ownersOf(obj: KObject, path: readonly string[]): ManagedFieldsEntry[] {
  return (obj.metadata.managedFields ?? []).filter((e) => e.subresource === undefined && treeHas(e.fieldsV1, path));
}

/**
 * A field present on the live object but absent from the applier's desired state survives the apply only if
 * some manager other than the applier and the stripped kubectl* managers owns it.
 */
export function keepsForeignField(
  obj: KObject,
  path: readonly string[],
  applier: string,
  strip: (manager: string) => boolean = isStrippableManager,
): boolean {
  const owners = ownersOf(obj, path);
  if (owners.length === 0) return true;
  return owners.some((e) => e.manager !== applier && !strip(e.manager));
}

/** Desired wins; maps merge; live-only keys are kept when keepsForeignField says so. */
export function mergeApplied(
  live: unknown,
  desired: unknown,
  obj: KObject,
  path: string[],
  applier: string,
  strip: (manager: string) => boolean = isStrippableManager,
): unknown {
  if (!isMap(desired) || !isMap(live)) return structuredClone(desired);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(desired)) {
    if (v === undefined) continue;
    out[k] = mergeApplied(live[k], v, obj, [...path, k], applier, strip);
  }
  for (const [k, v] of Object.entries(live)) {
    if (k in out || v === undefined) continue;
    if (keepsForeignField(obj, [...path, k], applier, strip)) out[k] = structuredClone(v);
  }
  return out;
}
