// What kustomize-controller does with a revision's manifests: add its ownership labels, server-side-apply-like
// merge into live objects (dropping fields owned by kubectl* managers), record the inventory, prune leftovers.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { inventoryId, parseInventoryId, resolveKind, type ResolvedKind } from "../sim/resources";
import { clone } from "../sim/objects";
import { isStrippableManager } from "../sim/field-ownership";
import { applyObject } from "../sim/apply";
import { StatusError } from "../store/errors";

export const KC_MANAGER = "kustomize-controller";

export interface InventoryEntry {
  id: string;
  v: string;
}

export interface ApplyOutcome {
  entries: InventoryEntry[];
  changes: string[]; // "Deployment/ns/name configured"
}

const KIND_ORDER = [
  "Namespace",
  "CustomResourceDefinition",
  "ServiceAccount",
  "ClusterSecretStore",
  "SecretStore",
  "Secret",
  "ConfigMap",
  "Service",
];

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

export class ApplyError extends Error {}

/** Applies all manifests or throws ApplyError with a kustomize-controller-like message (nothing partial is rolled back, like SSA). */
export function applyManifests(
  ctx: SimContext,
  ks: KObject,
  manifests: KObject[],
  targetNamespace: string | undefined,
): ApplyOutcome {
  const prepared = manifests.map((m) => prepare(ctx, ks, m, targetNamespace));
  prepared.sort((a, b) => rank(a.obj.kind) - rank(b.obj.kind));
  const entries: InventoryEntry[] = [];
  const changes: string[] = [];
  for (const { obj, kind } of prepared) {
    const ns = kind.namespaced ? obj.metadata.namespace : undefined;
    const what = `${obj.kind}/${ns ? `${ns}/` : ""}${obj.metadata.name}`;
    const live = ctx.store.get(kind.key, ns, obj.metadata.name);
    try {
      if (!live) {
        ctx.store.create(kind.key, obj, { fieldManager: KC_MANAGER });
        changes.push(`${what} created`);
      } else if (
        applyObject(ctx.store, kind.key, obj, { manager: KC_MANAGER, strip: isStrippableManager }) === "configured"
      ) {
        changes.push(`${what} configured`);
      }
    } catch (err) {
      if (err instanceof StatusError) throw new ApplyError(`${what} apply failed: ${err.message}`);
      throw err;
    }
    entries.push({
      id: inventoryId(ns, obj.metadata.name, kind.group, kind.kind),
      v: obj.apiVersion.split("/").pop() ?? "v1",
    });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, changes };
}

function prepare(
  ctx: SimContext,
  ks: KObject,
  manifest: KObject,
  targetNamespace: string | undefined,
): { obj: KObject; kind: ResolvedKind } {
  const kind = resolveKind(ctx.store, manifest.apiVersion, manifest.kind);
  if (!kind)
    throw new ApplyError(`failed to apply: no matches for kind "${manifest.kind}" in version "${manifest.apiVersion}"`);
  const obj = clone(manifest);
  delete obj.status;
  if (kind.namespaced) obj.metadata.namespace = targetNamespace ?? obj.metadata.namespace ?? "default";
  else delete obj.metadata.namespace;
  obj.metadata.labels = {
    ...(obj.metadata.labels ?? {}),
    "kustomize.toolkit.fluxcd.io/name": ks.metadata.name,
    "kustomize.toolkit.fluxcd.io/namespace": ks.metadata.namespace ?? "",
  };
  return { obj, kind };
}

/** Deletes objects of the previous inventory that the new one no longer lists. Returns "Kind/ns/name deleted" lines. */
export function prune(ctx: SimContext, previous: InventoryEntry[], current: InventoryEntry[]): string[] {
  const keep = new Set(current.map((e) => e.id));
  const out: string[] = [];
  for (const e of previous) {
    if (keep.has(e.id)) continue;
    const ref = parseInventoryId(e.id);
    if (!ref) continue;
    const kind = resolveKind(ctx.store, ref.group ? `${ref.group}/${e.v}` : e.v, ref.kind);
    if (!kind) continue;
    const live = ctx.store.get(kind.key, ref.namespace || undefined, ref.name);
    if (!live || live.metadata.annotations?.["kustomize.toolkit.fluxcd.io/prune"] === "disabled") continue;
    try {
      ctx.store.delete(kind.key, ref.namespace || undefined, ref.name);
      out.push(`${ref.kind}/${ref.namespace ? `${ref.namespace}/` : ""}${ref.name} deleted`);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
  return out;
}
