// Create-or-merge of a desired object, like a controller's server-side apply: desired fields win, live-only
// fields survive when another (non-stripped) manager owns them. Writes only when something changed.
import type { KObject, ResourceKey, Store } from "../store/types";
import { clone, deepEqual } from "./objects";
import { keepsForeignField, mergeApplied } from "./field-ownership";

export type ApplyResult = "created" | "configured" | "unchanged";

export interface ApplyOptions {
  manager: string;
  /** Managers whose live-only fields are dropped (kustomize-controller: kubectl*). Default: none. */
  strip?: (manager: string) => boolean;
}

const SKIP = new Set(["apiVersion", "kind", "metadata", "status"]);

export function applyObject(store: Store, key: ResourceKey, desired: KObject, opts: ApplyOptions): ApplyResult {
  const strip = opts.strip ?? (() => false);
  const live = store.get(key, desired.metadata.namespace, desired.metadata.name);
  if (!live) {
    store.create(key, desired, { fieldManager: opts.manager });
    return "created";
  }
  const next = clone(live);
  for (const m of ["labels", "annotations"] as const) {
    const merged = mergeApplied(
      live.metadata[m] ?? {},
      desired.metadata[m] ?? {},
      live,
      ["metadata", m],
      opts.manager,
      strip,
    ) as Record<string, string>;
    if (Object.keys(merged).length) next.metadata[m] = merged;
    else delete next.metadata[m];
  }
  for (const [field, value] of Object.entries(desired)) {
    if (SKIP.has(field)) continue;
    next[field] = mergeApplied(live[field], value, live, [field], opts.manager, strip);
  }
  for (const field of Object.keys(live)) {
    if (field in desired || SKIP.has(field)) continue;
    if (!keepsForeignField(live, [field], opts.manager, strip)) delete next[field];
  }
  if (sameApplied(live, next)) return "unchanged";
  delete next.metadata.resourceVersion;
  store.update(key, next, { fieldManager: opts.manager });
  return "configured";
}

function sameApplied(a: KObject, b: KObject): boolean {
  const strip = (o: KObject): unknown => {
    const { status: _s, metadata, ...rest } = o;
    return { ...rest, labels: metadata.labels ?? {}, annotations: metadata.annotations ?? {} };
  };
  return deepEqual(strip(a), strip(b));
}
