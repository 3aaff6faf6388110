// What helm-controller does around a Helm action: apply a manifest with Helm's ownership metadata and prune what
// the previous one had, keep status.inventory, roll back after a failed upgrade (a new "Rollback to N" revision
// from the previous manifest), uninstall after a failed install (objects and release storage; hook objects stay,
// Helm does not track them).
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { inventoryId, parseInventoryId, resolveKind } from "../sim/resources";
import { parse } from "yaml";
import { asMap, asMaps, asString, statusOf } from "../sim/objects";
import { applyObject } from "../sim/apply";
import { StatusError } from "../store/errors";
import type { ReleaseRef, Rendered, RenderedObject } from "./chart-objects";
import {
  deleteReleases,
  readRecord,
  setRecordStatus,
  storedRevisions,
  writeRecord,
  type ReleaseRecord,
} from "./helm-storage";
import { historyOf, releaseLabel } from "./helm-release-status";

export const HC = "helm-controller";

/** Helm's setMetadataVisitor: the managed-by label and release annotations on every object it applies. */
export function withHelmOwnership(o: KObject, ref: ReleaseRef): KObject {
  const out = structuredClone(o);
  out.metadata.labels = { ...(out.metadata.labels ?? {}), "app.kubernetes.io/managed-by": "Helm" };
  out.metadata.annotations = {
    ...(out.metadata.annotations ?? {}),
    "meta.helm.sh/release-name": ref.release,
    "meta.helm.sh/release-namespace": ref.namespace,
  };
  return out;
}

/** Applies the manifest objects and deletes the previous inventory's objects the manifest no longer has. */
export function applyManifest(ctx: SimContext, hr: KObject, ref: ReleaseRef, manifests: RenderedObject[]): void {
  const previous = inventoryOf(hr);
  const current = new Set<string>();
  for (const m of manifests) {
    const kind = resolveKind(ctx.store, m.object.apiVersion, m.object.kind);
    if (!kind) continue;
    applyObject(ctx.store, kind.key, withHelmOwnership(m.object, ref), { manager: HC });
    current.add(inventoryId(m.object.metadata.namespace, m.object.metadata.name, kind.group, kind.kind));
  }
  deleteInventory(
    ctx,
    previous.filter((e) => !current.has(e.id)),
  );
}

export function inventoryOf(hr: KObject): { id: string; v: string }[] {
  return asMaps(asMap(statusOf(hr).inventory)?.entries).map((e) => ({
    id: asString(e.id) ?? "",
    v: asString(e.v) ?? "v1",
  }));
}

/** helm-controller's inventory of a release: its manifest objects (not hooks). */
export function inventoryEntries(ctx: SimContext, manifests: RenderedObject[]): { id: string; v: string }[] {
  const out: { id: string; v: string }[] = [];
  for (const { object: m } of manifests) {
    const kind = resolveKind(ctx.store, m.apiVersion, m.kind);
    if (kind)
      out.push({
        id: inventoryId(kind.namespaced ? m.metadata.namespace : undefined, m.metadata.name, kind.group, kind.kind),
        v: m.apiVersion.split("/").pop() ?? "v1",
      });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function deleteInventory(ctx: SimContext, entries: { id: string; v: string }[]): void {
  for (const e of entries) {
    const ref = parseInventoryId(e.id);
    if (!ref) continue;
    const kind = resolveKind(ctx.store, ref.group ? `${ref.group}/${e.v}` : e.v, ref.kind);
    if (kind) deleteQuietly(ctx, kind.key, ref.namespace || undefined, ref.name);
  }
}

export function deleteQuietly(
  ctx: SimContext,
  key: { group: string; plural: string },
  ns: string | undefined,
  name: string,
): void {
  try {
    if (ctx.store.get(key, ns, name)) ctx.store.delete(key, ns, name);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
  }
}

/** The objects of a stored manifest ("---\n# Source: <path>\n<yaml>" documents), as Helm rebuilds them. */
export function manifestObjects(manifest: string): RenderedObject[] {
  return manifest
    .split(/^---\n/m)
    .filter((doc) => doc.trim())
    .map((doc) => ({ source: /^# Source: (.+)$/m.exec(doc)?.[1] ?? "", object: parse(doc) as KObject }))
    .filter((o) => o.object && typeof o.object === "object" && o.object.kind);
}

/** helm rollback to the last deployed revision (pkg/action/rollback.go): a new revision "Rollback to N" with its
 *  chart, config, manifest and hooks, applied from the stored manifest; deployed ones become superseded, the failed
 *  one stays failed. */
export function rollback(
  ctx: SimContext,
  hr: KObject,
  ref: ReleaseRef,
  goodVersion: number,
  failedVersion: number,
): ReleaseRecord | undefined {
  const previous = readRecord(ctx, ref.namespace, ref.release, goodVersion);
  const current = readRecord(ctx, ref.namespace, ref.release, failedVersion);
  if (!previous) return undefined;
  const now = new Date().toISOString();
  const rec: ReleaseRecord = {
    ...structuredClone(previous),
    version: failedVersion + 1,
    info: {
      first_deployed: current?.info.first_deployed ?? previous.info.first_deployed,
      last_deployed: now,
      description: `Rollback to ${goodVersion}`,
      status: "pending-rollback",
    },
  };
  writeRecord(ctx, rec);
  const objects = manifestObjects(previous.manifest).map((o) => {
    o.object.metadata.namespace ??= ref.namespace; // Helm applies namespace-less objects to the release namespace
    return o;
  });
  applyManifest(ctx, hr, ref, objects);
  for (const r of storedRevisions(ctx, ref.namespace, ref.release))
    if (r.status === "deployed") setRecordStatus(ctx, ref.namespace, ref.release, r.version, "superseded");
  rec.info.status = "deployed";
  writeRecord(ctx, rec);
  return rec;
}

/** Removes the release's objects and storage (install remediation, HelmRelease deletion). */
export function uninstall(ctx: SimContext, hr: KObject, ref: ReleaseRef, rendered?: Rendered): void {
  deleteInventory(ctx, inventoryOf(hr));
  for (const m of rendered?.manifests ?? []) {
    const kind = resolveKind(ctx.store, m.object.apiVersion, m.object.kind);
    if (kind) deleteQuietly(ctx, kind.key, m.object.metadata.namespace, m.object.metadata.name);
  }
  deleteReleases(ctx, ref.namespace, ref.release);
  const latest = historyOf(hr)[0];
  if (latest)
    ctx.events.record(
      hr,
      "Normal",
      "UninstallSucceeded",
      `Helm uninstall succeeded for release ${releaseLabel(ref.namespace, ref.release, latest.version)} with chart ${latest.chartName}@${latest.chartVersion}`,
      HC,
    );
}

export function nextReleaseVersion(ctx: SimContext, ref: ReleaseRef): number {
  return (storedRevisions(ctx, ref.namespace, ref.release)[0]?.version ?? 0) + 1;
}
