// Assemble the evaluator's snapshot for one Airflow HelmRelease from the shared watch cache (plus server-side
// Secret facts, valuesFrom sources and Helm's release record). Workloads, pods and Services are found by the chart's
// `tier=airflow` label in the namespace the chart deploys to; the pure context narrows them to the release. What Helm
// deployed (chart version, masked config, owned objects, pending changes) comes from lib/airflow-release.
import "server-only";
import { airflowReleaseFacts } from "@/lib/airflow-release/release-facts";
import { helmDeployedFacts, isBundledPostgres, statsdServiceRef, type ChecklistSnapshot } from "@/lib/checklist";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { fluxFacts } from "./flux-facts";
import { secretFacts } from "./secret-facts";

const isAirflow = (o: KubeObject) => o.metadata.labels?.tier === "airflow";
/** Helm's release storage: large, and nothing a check reads as a Secret (lib/helm decodes it). */
const isHelmStorage = (o: KubeObject) => o.type === "helm.sh/release.v1";

export async function assembleSnapshot(
  cluster: string,
  cache: ClusterCache,
  release: KubeObject,
  now: Date,
): Promise<ChecklistSnapshot> {
  const facts = await airflowReleaseFacts(cluster, cache, release);
  const ns = facts.namespace;
  const inNs = (resource: string) => cache.listIn(resource, ns);
  const configName = facts.names.configMap;
  const secrets = await Promise.all(
    inNs("secrets")
      .filter((s) => !isHelmStorage(s))
      .map((s) => secretFacts(cluster, s)),
  );
  const services = inNs("services");
  const snapshot: ChecklistSnapshot = {
    release,
    valuesFromSources: facts.sources,
    secrets,
    workloads: [...inNs("deployments"), ...inNs("statefulsets")].filter(isAirflow),
    databaseWorkloads: inNs("statefulsets").filter((s) => isBundledPostgres(s, facts.releaseName)),
    pods: inNs("pods").filter(isAirflow),
    pdbs: inNs("poddisruptionbudgets"),
    services: services.filter(isAirflow),
    configMaps: inNs("configmaps").filter((c) => isAirflow(c) || c.metadata.name === configName),
    externalSecrets: inNs("externalsecrets"),
    stores: [...inNs("secretstores"), ...cache.list("clustersecretstores")],
    fluxObjects: fluxFacts(cache, release, now),
    helm: helmDeployedFacts(release, facts.recs),
    now: now.toISOString(),
  };
  // statsd_host may name an exporter Service outside the chart (another namespace too): add it when it exists.
  const exporter = statsdServiceRef(snapshot);
  const svc = exporter ? cache.get("services", exporter.namespace, exporter.name) : undefined;
  if (svc && !snapshot.services.includes(svc)) snapshot.services.push(svc);
  return snapshot;
}
