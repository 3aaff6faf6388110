// Discovery: every HelmRelease whose chart is `airflow` is a checklist subject (per cluster, per namespace).
import "server-only";
import { isAirflowRelease } from "@/lib/checklist";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";

/** Identity of one subject: cluster, HelmRelease namespace and name. */
export interface SubjectKey {
  cluster: string;
  namespace: string;
  release: string;
}

export function subjectId(s: SubjectKey): string {
  return `${s.cluster}/${s.namespace}/${s.release}`;
}

export function keyOf(cluster: string, hr: KubeObject): SubjectKey {
  return { cluster, namespace: hr.metadata.namespace ?? "default", release: hr.metadata.name };
}

/** The Airflow HelmReleases of a cluster, sorted by namespace and name. */
export function discoverSubjects(cache: ClusterCache): KubeObject[] {
  const sources = [...cache.list("helmcharts"), ...cache.list("ocirepositories")];
  return cache
    .list("helmreleases")
    .filter((hr) => isAirflowRelease(hr, sources))
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
    );
}

/** One subject, or undefined when the HelmRelease is missing or does not deploy the airflow chart. */
export function findSubject(cache: ClusterCache, namespace: string, name: string): KubeObject | undefined {
  const hr = cache.get("helmreleases", namespace, name);
  if (!hr) return undefined;
  const ref = hr.spec?.chartRef as { kind?: string; name?: string; namespace?: string } | undefined;
  const resource = ref?.kind === "OCIRepository" ? "ocirepositories" : ref?.kind === "HelmChart" ? "helmcharts" : undefined;
  const source = resource && ref?.name ? cache.get(resource, ref.namespace ?? namespace, ref.name) : undefined;
  return isAirflowRelease(hr, source ? [source] : []) ? hr : undefined;
}
