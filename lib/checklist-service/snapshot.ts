// Assemble the evaluator's snapshot for one Airflow HelmRelease from the shared watch cache (plus server-side
// Secret facts and valuesFrom sources). Workloads, pods and Services are found by the chart's `tier=airflow` label
// in the namespace the chart deploys to; the pure context narrows them to the release.
import "server-only";
import { helmReleaseName, workloadNamespace, type ChecklistSnapshot } from "@/lib/checklist";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { fluxFacts } from "./flux-facts";
import { secretFacts } from "./secret-facts";
import { valuesFromSources } from "./values-from";

const isAirflow = (o: KubeObject) => o.metadata.labels?.tier === "airflow";
/** Helm's release storage: large, and nothing a check reads. */
const isHelmStorage = (o: KubeObject) => o.type === "helm.sh/release.v1";

export async function assembleSnapshot(
  cluster: string,
  cache: ClusterCache,
  release: KubeObject,
  now: Date,
): Promise<ChecklistSnapshot> {
  const ns = workloadNamespace(release);
  const inNs = (resource: string) => cache.listIn(resource, ns);
  const configName = `${helmReleaseName(release)}-airflow-config`;
  const [secrets, sources] = await Promise.all([
    Promise.all(
      inNs("secrets")
        .filter((s) => !isHelmStorage(s))
        .map((s) => secretFacts(cluster, s)),
    ),
    valuesFromSources(cluster, cache, release),
  ]);
  return {
    release,
    valuesFromSources: sources,
    secrets,
    workloads: [...inNs("deployments"), ...inNs("statefulsets")].filter(isAirflow),
    pods: inNs("pods").filter(isAirflow),
    pdbs: inNs("poddisruptionbudgets"),
    services: inNs("services").filter(isAirflow),
    configMaps: inNs("configmaps").filter((c) => isAirflow(c) || c.metadata.name === configName),
    externalSecrets: inNs("externalsecrets"),
    stores: [...inNs("secretstores"), ...cache.list("clustersecretstores")],
    fluxObjects: fluxFacts(cache, release, now),
    now: now.toISOString(),
  };
}
