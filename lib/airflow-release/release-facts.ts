// One place that knows what an Airflow HelmRelease deployed: Helm's own release records (lib/helm) when they can be
// read — the deployed chart version, user-supplied values (masked) and the objects Helm owns — else the values the
// HelmRelease asks for, said as such. The checklist, rotation and the secrets inventory name objects from here.
import "server-only";
import { chartNames, type ChartNames } from "@/lib/airflow-chart/naming";
import { chartVersionOf, composeValues, workloadNamespace, type ValuesFromSource } from "@/lib/checklist";
import { valuesFromSources } from "@/lib/checklist-service/values-from";
import { pendingRelease } from "@/lib/helm/pending-release";
import { ownedObjects, type OwnedObject } from "@/lib/helm/owned-objects";
import type { HelmReleaseRecord } from "@/lib/helm/release-record";
import { releaseRecords, type ReleaseRecords } from "@/lib/helm/release-records";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { maskOptionsFor } from "./mask-options";
import { namingValues } from "./naming-values";

export interface AirflowReleaseFacts {
  hr: KubeObject;
  releaseName: string;
  /** Namespace the chart's objects live in. */
  namespace: string;
  /** Where `values` and `chartVersion` come from. */
  source: "helm-record" | "none" | "unreadable";
  /** Why there is no record to read (for evidence), when source is not helm-record. */
  reason?: string;
  chartVersion?: string;
  appVersion?: string;
  /** Deployed revision and its Helm status. */
  revision?: number;
  status?: string;
  /** User-supplied values as deployed (Helm `config`), or as the HelmRelease asks without a record; masked. */
  values: Record<string, unknown>;
  /** Names the chart renders for these values. */
  names: ChartNames;
  /** Objects Helm owns for the deployed revision (manifest + hooks); empty without a record. */
  objects: OwnedObject[];
  /** What the HelmRelease asks for that Helm has not applied, in words. */
  pending: string[];
  /** Every revision read, newest first (masked). */
  records: HelmReleaseRecord[];
  /** The valuesFrom sources as read (server-side only; Secret data never leaves the server). */
  sources: ValuesFromSource[];
  /** What lib/helm returned (masked records, current/latest, error). */
  recs: ReleaseRecords;
}

const TTL_MS = 2_000;
const MAX_MEMO = 2_000;
const holder = globalThis as unknown as { fluxtowerReleaseFacts?: Map<string, { at: number; value: Promise<AirflowReleaseFacts> }> };
const memo = (holder.fluxtowerReleaseFacts ??= new Map());

async function compute(cluster: string, cache: ClusterCache, hr: KubeObject): Promise<AirflowReleaseFacts> {
  const sources = await valuesFromSources(cluster, cache, hr);
  const desired = composeValues(hr, sources, {}).user;
  const mask = maskOptionsFor(hr, sources);
  const recs = await releaseRecords(cluster, cache, hr, mask);
  const namespace = workloadNamespace(hr);
  const deployed = recs.current;
  const source: AirflowReleaseFacts["source"] = deployed ? "helm-record" : recs.error ? "unreadable" : "none";
  const chartVersion = deployed?.chart.version ?? chartVersionOf(hr);
  const values = deployed ? deployed.config : recs.latest ? recs.latest.config : desired;
  const names = chartNames({ release: recs.releaseName, namespace, chartVersion, values: namingValues(values, desired) });
  const reason =
    source === "helm-record"
      ? undefined
      : recs.error ??
        (recs.latest
          ? `no deployed Helm revision of release ${recs.releaseName} (newest: revision ${recs.latest.version}, ${recs.latest.status})`
          : `no Helm release record of ${recs.releaseName} in namespace ${recs.storageNamespace}`);
  return {
    hr,
    releaseName: recs.releaseName,
    namespace,
    source,
    reason,
    chartVersion,
    appVersion: deployed?.chart.appVersion,
    revision: deployed?.version,
    status: deployed?.status,
    values,
    names,
    objects: deployed ? ownedObjects(deployed) : [],
    pending: pendingRelease(hr, recs).reasons,
    records: recs.records,
    sources,
    recs,
  };
}

/** The deployed facts of one Airflow HelmRelease (memoised for 2 s per HelmRelease resourceVersion). */
export function airflowReleaseFacts(cluster: string, cache: ClusterCache, hr: KubeObject): Promise<AirflowReleaseFacts> {
  const key = `${cluster}/${hr.metadata.namespace}/${hr.metadata.name}/${hr.metadata.resourceVersion ?? ""}`;
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  if (memo.size >= MAX_MEMO) memo.clear();
  const value = compute(cluster, cache, hr);
  memo.set(key, { at: now, value });
  value.catch(() => memo.delete(key));
  return value;
}

/** Facts for several releases (the Airflow subjects of a cluster), in order. */
export function airflowReleasesFacts(cluster: string, cache: ClusterCache, subjects: KubeObject[]): Promise<AirflowReleaseFacts[]> {
  return Promise.all(subjects.map((hr) => airflowReleaseFacts(cluster, cache, hr)));
}
