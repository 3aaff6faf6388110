// Server side: a HelmRelease's Helm release records, read live as the app identity and masked before anything keeps
// them. The watch cache lists the record Secrets (metadata and key names only); each record is read once per
// resourceVersion and mask options, concurrent callers share one read, and only masked records are memoised
// (bounded by count and size). Same read pattern as lib/checklist-service/secret-facts.ts.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { kubeJson } from "@/lib/k8s/transport";
import { logger } from "@/lib/log/logger";
import { collectReleaseRecords, type CachedRecord, type ReleaseRecords } from "./collect-records";
import type { MaskOptions } from "./mask";
import { RecordCache } from "./record-cache";
import { fluxReleaseName, storageNamespaceOf } from "./release-name";

export type { ReleaseRecords } from "./collect-records";

const MAX_ENTRIES = 500;
const MAX_WEIGHT = 64 * 1024 * 1024; // characters of masked JSON, all records together

const holder = globalThis as unknown as { fluxtowerHelmRecords?: RecordCache<CachedRecord> };
const memo = (holder.fluxtowerHelmRecords ??= new RecordCache<CachedRecord>(MAX_ENTRIES, MAX_WEIGHT, (v) =>
  "record" in v ? JSON.stringify(v.record).length : v.undecodable.length,
));

/**
 * The Helm records of `hr` (release name and storage namespace as helm-controller computes them), masked with
 * `mask`. `source: "none"` when Helm has no record; `error` when records exist but cannot (all) be read.
 */
export async function releaseRecords(
  cluster: string,
  cache: ClusterCache,
  hr: KubeObject,
  mask: MaskOptions,
): Promise<ReleaseRecords> {
  const releaseName = fluxReleaseName(hr);
  const storageNamespace = storageNamespaceOf(hr);
  const state = cache.caches.get("secrets")?.state;
  if (!state || (!state.synced && state.error))
    return {
      source: "none",
      releaseName,
      storageNamespace,
      records: [],
      error: `Secrets are not available from the watch cache${state?.error ? `: ${state.error}` : ""}, so Helm's release records cannot be listed`,
    };
  const result = await collectReleaseRecords({
    cluster,
    releaseName,
    storageNamespace,
    secrets: cache.listIn("secrets", storageNamespace),
    mask,
    memo,
    read: (ns, name) =>
      kubeJson<KubeObject>(cluster, {
        path: `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${encodeURIComponent(name)}`,
      }),
  });
  if (result.source === "none" && !state.synced)
    return { ...result, error: "the Secret cache is still syncing, so Helm's release records may not be listed yet" };
  if (result.error)
    logger.warn({ cluster, namespace: storageNamespace, release: releaseName, error: result.error }, "helm: release records not read");
  return result;
}
