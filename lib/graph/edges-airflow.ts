// `values-secret` edges: Secrets named in an Airflow HelmRelease's values (official apache/airflow chart). They link
// a release to its Secrets even when the install failed and no workload exists. Pure module.
import type { KubeObject } from "../kinds/object";
import { at, atPath, recs, str } from "../health/read";
import type { GraphBuilder } from "./builder";

/** Values keys of the official Airflow chart that name an existing Secret (DOMAIN.md §4–5). */
export const AIRFLOW_SECRET_VALUE_KEYS = [
  "data.metadataSecretName",
  "data.resultBackendSecretName",
  "data.brokerUrlSecretName",
  "fernetKeySecretName",
  "apiSecretKeySecretName",
  "webserverSecretKeySecretName",
  "jwtSecretName",
  "dags.gitSync.sshKeySecret",
  "dags.gitSync.credentialsSecret",
  "redis.passwordSecretName",
  "pgbouncer.configSecretName",
  "pgbouncer.metricsExporterSidecar.statsSecretName",
] as const;

/**
 * True when the HelmRelease deploys the `airflow` chart: spec.chart.spec.chart, the chart of its newest history
 * entry, or the HelmChart / OCIRepository its chartRef points to.
 */
export function isAirflowRelease(hr: KubeObject, b: GraphBuilder): boolean {
  if (str(at(hr.spec, "chart", "spec", "chart")) === "airflow") return true;
  if (str(recs(hr.status?.history)[0]?.chartName) === "airflow") return true;
  const ref = at(hr.spec, "chartRef");
  const kind = str(at(ref, "kind"));
  const name = str(at(ref, "name"));
  if (!kind || !name) return false;
  const target = b.get({ kind, name, namespace: str(at(ref, "namespace")) ?? hr.metadata.namespace });
  if (!target) return false;
  if (kind === "HelmChart") return str(target.spec?.chart) === "airflow";
  return /\/airflow\/?$/.test(str(target.spec?.url) ?? "");
}

/** Adds `values-secret` edges for every Airflow HelmRelease, in its target (release) namespace. */
export function addAirflowValuesEdges(b: GraphBuilder): void {
  for (const [id, obj] of b.objects) {
    if (obj.kind !== "HelmRelease" || !isAirflowRelease(obj, b)) continue;
    const ns = str(obj.spec?.targetNamespace) ?? obj.metadata.namespace;
    const values = obj.spec?.values;
    for (const key of AIRFLOW_SECRET_VALUE_KEYS) {
      const name = str(atPath(values, key));
      if (name) b.link(id, { kind: "Secret", name, namespace: ns }, "values-secret");
    }
  }
}
