// What the Airflow chart's templates decide from the values, per chart version: names (airflow-names.ts), which
// components and Secrets exist, workload kinds, labels. `values` are the coalesced values (values.yaml + the user's).
// Template references are to charts/airflow/<version>/templates/.
import { asBool, asMap, asNumber, asString, getPath, isMap, type JsonMap } from "../sim/objects";
import { compareVersions, parseVersion } from "../sim/semver";
import type { ChartVersion } from "./chart-catalog";
import {
  airflowFullname,
  chartLine,
  secretNames,
  serviceAccountOf,
  truthy,
  type ChartLine,
  type SecretNames,
  SERVICE_ACCOUNTS,
} from "./airflow-names";

export interface AirflowSettings {
  release: string;
  namespace: string;
  chart: ChartVersion;
  line: ChartLine;
  values: JsonMap;
  fullname: string;
  names: SecretNames;
  airflowVersion: string;
  major: number;
  image: string;
  executor: string;
  celery: boolean;
  local: boolean;
  /** KubernetesExecutor, LocalKubernetesExecutor or CeleryKubernetesExecutor (pod_template_file, worker SA). */
  kubernetes: boolean;
  pgbouncer: boolean;
  statsd: boolean;
  redis: boolean;
  postgresql: boolean;
  triggerer: boolean;
  dagProcessor: boolean;
  apiServer: boolean;
  webserver: boolean;
  gitSync: boolean;
}

/** semverCompare ">=v" .Values.airflowVersion */
export function atLeast(s: { airflowVersion: string }, version: string): boolean {
  const a = parseVersion(s.airflowVersion);
  const b = parseVersion(version);
  return a !== undefined && b !== undefined && compareVersions(a, b) >= 0;
}

export function airflowSettings(
  release: string,
  namespace: string,
  chart: ChartVersion,
  values: JsonMap,
): AirflowSettings {
  const get = (path: string): unknown => getPath(values, path);
  const on = (path: string): boolean => truthy(get(path));
  const airflowVersion = asString(get("airflowVersion")) ?? chart.appVersion;
  const major = Number(airflowVersion.split(".")[0]) || 3;
  const line = chartLine(chart.version);
  const repo = asString(get("images.airflow.repository")) || asString(get("defaultAirflowRepository")) || "";
  const tag = asString(get("images.airflow.tag")) || String(get("defaultAirflowTag") ?? "");
  const digest = asString(get("images.airflow.digest")) || asString(get("defaultAirflowDigest"));
  const executor = asString(get("executor")) ?? "CeleryExecutor";
  const v3 = atLeast({ airflowVersion }, "3.0.0");
  // dag-processor/dag-processor-deployment.yaml: `dagProcessor.enabled: ~` means on for Airflow >= 3.
  const dp = get("dagProcessor.enabled");
  const dagProcessor =
    atLeast({ airflowVersion }, "2.3.0") && (dp === null || dp === undefined ? v3 : asBool(dp) === true);
  return {
    release,
    namespace,
    chart,
    line,
    values,
    fullname: airflowFullname(release, values),
    names: secretNames(line, release, values),
    airflowVersion,
    major,
    image: digest ? `${repo}@${digest}` : `${repo}:${tag}`,
    executor,
    celery: executor.includes("CeleryExecutor") || executor.includes("CeleryKubernetesExecutor"),
    local: executor.includes("Local"),
    kubernetes: executor.includes("KubernetesExecutor"),
    pgbouncer: on("pgbouncer.enabled"),
    statsd: on("statsd.enabled"),
    redis: on("redis.enabled"),
    postgresql: on("postgresql.enabled"),
    triggerer: on("triggerer.enabled") && atLeast({ airflowVersion }, "2.2.0"),
    dagProcessor,
    // api-server/api-server-deployment.yaml: Airflow >= 3 (1.19: and apiServer.enabled).
    apiServer: v3 && (line !== "1.19" || on("apiServer.enabled")),
    // webserver/webserver-deployment.yaml: Airflow < 3 and webserver.enabled.
    webserver: !v3 && on("webserver.enabled"),
    gitSync: on("dags.gitSync.enabled"),
  };
}

/** Labels every Airflow template writes: tier, component, release, chart, heritage, plus `labels` and the
 *  component's own `<section>.labels` where the template merges them. */
export function chartLabels(
  s: AirflowSettings,
  component: string | undefined,
  opts: { shortChart?: boolean; section?: string } = {},
): Record<string, string> {
  const labels: Record<string, string> = { tier: "airflow" };
  if (component) labels.component = component;
  labels.release = s.release;
  labels.chart = opts.shortChart ? s.chart.name : `${s.chart.name}-${s.chart.version}`;
  labels.heritage = "Helm";
  const extra = {
    ...(asMap(s.values.labels) ?? {}),
    ...(opts.section ? (asMap(getPath(s.values, `${opts.section}.labels`)) ?? {}) : {}),
  };
  for (const [k, v] of Object.entries(extra)) labels[k] = String(v);
  return labels;
}

/** Pod selector of a component (`tier`, `component`, `release`). */
export function selectorLabels(s: AirflowSettings, component: string): Record<string, string> {
  return { tier: "airflow", component, release: s.release };
}

export function replicasOf(values: JsonMap, section: string, dflt = 1): number {
  return asNumber(getPath(values, `${section}.replicas`)) ?? dflt;
}

/** `<section>.podDisruptionBudget.config` when the PDB is enabled (rendered verbatim into the PDB spec). */
export function pdbConfig(values: JsonMap, section: string): JsonMap | undefined {
  const p = asMap(getPath(values, `${section}.podDisruptionBudget`));
  if (!p || !truthy(p.enabled)) return undefined;
  const config = isMap(p.config) ? p.config : {};
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null && v !== undefined));
}

export function serviceAccount(s: AirflowSettings, component: keyof typeof SERVICE_ACCOUNTS): string {
  return serviceAccountOf(component, s.release, s.values);
}

/** `<section>.serviceAccount.create` (default true). */
export function createsServiceAccount(s: AirflowSettings, section: string): boolean {
  return asBool(getPath(s.values, `${section}.serviceAccount.create`)) !== false;
}

/** workers/worker-deployment.yaml: the workers' persistence (1.19 lets `workers.celery.persistence.enabled` win). */
export function workerPersistence(s: AirflowSettings): boolean {
  const celery = getPath(s.values, "workers.celery.persistence.enabled");
  if (s.line === "1.19" && typeof celery === "boolean") return celery;
  return truthy(getPath(s.values, "workers.persistence.enabled"));
}
