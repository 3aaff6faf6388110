// The Helm revisions of a HelmRelease from Helm's own release records (lib/helm), for the detail page: revision,
// status, chart and app version, Helm's description and times. Only metadata leaves the server — never the values,
// manifest or hooks of a record (those are masked in memory and used by the checklist and rotation only).
import "server-only";
import { pendingRelease } from "@/lib/helm/pending-release";
import { releaseRecords } from "@/lib/helm/release-records";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { HelmRecordsView } from "@/lib/views/detail";

const NO_MASK = { secretValuePaths: [], secretStrings: [] };

export async function helmRecordsView(cache: ClusterCache, hr: KubeObject): Promise<HelmRecordsView> {
  const recs = await releaseRecords(cache.id, cache, hr, NO_MASK);
  return {
    source: recs.source,
    releaseName: recs.releaseName,
    storageNamespace: recs.storageNamespace,
    error: recs.error ?? null,
    revisions: recs.records.map((r) => ({
      revision: r.version,
      status: r.status,
      chartVersion: r.chart.version,
      appVersion: r.chart.appVersion ?? null,
      description: r.description,
      firstDeployed: r.firstDeployed ?? null,
      lastDeployed: r.lastDeployed ?? null,
    })),
    pending: pendingRelease(hr, recs).reasons,
  };
}
