// Effective airflow chart settings: chart defaults for the keys the simulation uses, overlaid with the user values.
import { asBool, asMap, asNumber, asString, getPath, isMap, type JsonMap } from "../sim/objects";
import type { ChartVersion } from "./chart-catalog";

export interface AirflowSettings {
  release: string;
  namespace: string;
  chart: ChartVersion;
  airflowVersion: string;
  major: number;
  image: string;
  executor: string;
  celery: boolean;
  values: JsonMap;
  metadataSecret: string;
  metadataSecretProvided: boolean;
  fernetSecret: string;
  fernetProvided: boolean;
  apiSecret: string;
  apiProvided: boolean;
  jwtSecret: string;
  jwtProvided: boolean;
  webserverSecret: string;
  webserverProvided: boolean;
  brokerSecret: string;
  pgbouncer: boolean;
  statsd: boolean;
  redis: boolean;
  postgresql: boolean;
  triggerer: boolean;
  dagProcessor: boolean;
  gitSync: {
    enabled: boolean;
    repo: string;
    ref: string;
    subPath: string;
    period: string;
    sshKeySecret?: string;
    knownHosts?: string;
    credentialsSecret?: string;
  };
}

export function airflowSettings(
  release: string,
  namespace: string,
  chart: ChartVersion,
  values: JsonMap,
): AirflowSettings {
  const get = (path: string): unknown => getPath(values, path);
  const str = (path: string): string | undefined => {
    const v = asString(get(path));
    return v === "" ? undefined : v;
  };
  const bool = (path: string, dflt: boolean): boolean => asBool(get(path)) ?? dflt;
  const airflowVersion = str("airflowVersion") ?? chart.appVersion;
  const major = Number(airflowVersion.split(".")[0]) || 3;
  const repo = str("images.airflow.repository") ?? str("defaultAirflowRepository") ?? "apache/airflow";
  const tag = str("images.airflow.tag") ?? str("defaultAirflowTag") ?? airflowVersion;
  const executor = str("executor") ?? "CeleryExecutor";
  const dpEnabled = get("dagProcessor.enabled");
  const gitSync = asMap(get("dags.gitSync")) ?? {};
  return {
    release,
    namespace,
    chart,
    airflowVersion,
    major,
    image: `${repo}:${tag}`,
    executor,
    celery: executor.includes("CeleryExecutor"),
    values,
    metadataSecret: str("data.metadataSecretName") ?? `${release}-metadata`,
    metadataSecretProvided: str("data.metadataSecretName") !== undefined,
    fernetSecret: str("fernetKeySecretName") ?? `${release}-fernet-key`,
    fernetProvided: str("fernetKeySecretName") !== undefined,
    apiSecret: str("apiSecretKeySecretName") ?? `${release}-api-secret-key`,
    apiProvided: str("apiSecretKeySecretName") !== undefined,
    jwtSecret: str("jwtSecretName") ?? `${release}-jwt-secret`,
    jwtProvided: str("jwtSecretName") !== undefined,
    webserverSecret: str("webserverSecretKeySecretName") ?? `${release}-webserver-secret-key`,
    webserverProvided: str("webserverSecretKeySecretName") !== undefined,
    brokerSecret: str("data.brokerUrlSecretName") ?? `${release}-broker-url`,
    pgbouncer: bool("pgbouncer.enabled", false),
    statsd: bool("statsd.enabled", true),
    redis: bool("redis.enabled", true),
    postgresql: bool("postgresql.enabled", true),
    triggerer: bool("triggerer.enabled", true),
    dagProcessor: dpEnabled === undefined || dpEnabled === null ? major >= 3 : asBool(dpEnabled) === true,
    gitSync: {
      enabled: asBool(gitSync.enabled) === true,
      repo: asString(gitSync.repo) ?? "https://github.com/apache/airflow.git",
      ref: asString(gitSync.ref) ?? asString(gitSync.branch) ?? "v2-2-stable",
      subPath: asString(gitSync.subPath) ?? "tests/dags",
      period: asString(gitSync.period) ?? "5s",
      sshKeySecret: asString(gitSync.sshKeySecret),
      knownHosts: asString(gitSync.knownHosts),
      credentialsSecret: asString(gitSync.credentialsSecret),
    },
  };
}

export function replicasOf(values: JsonMap, section: string, dflt = 1): number {
  return asNumber(getPath(values, `${section}.replicas`)) ?? dflt;
}

export function pdbConfig(values: JsonMap, section: string): JsonMap | undefined {
  const p = asMap(getPath(values, `${section}.podDisruptionBudget`));
  if (!p || p.enabled !== true) return undefined;
  return isMap(p.config) ? p.config : { maxUnavailable: 1 };
}

/** airflow.cfg as the chart renders it from `config` (chart defaults for the sections the checklist reads). */
export function airflowCfg(s: AirflowSettings): string {
  const defaults: Record<string, Record<string, string>> = {
    core: {
      dags_folder: s.gitSync.enabled ? "/opt/airflow/dags/repo/" + s.gitSync.subPath : "/opt/airflow/dags",
      executor: s.executor,
      load_examples: "False",
    },
    logging: { colored_console_log: "False", remote_logging: "False" },
    metrics: {
      statsd_on: String(s.statsd ? "True" : "False"),
      statsd_port: "9125",
      statsd_prefix: "airflow",
      statsd_host: `${s.release}-statsd`,
    },
    scheduler: { standalone_dag_processor: s.dagProcessor ? "True" : "False", run_duration: "41460" },
    kubernetes_executor: {
      namespace: s.namespace,
      pod_template_file: "/opt/airflow/pod_templates/pod_template_file.yaml",
      worker_container_repository: s.image.split(":")[0],
      worker_container_tag: s.image.split(":")[1] ?? "",
    },
    api: { auth_backends: "airflow.api.auth.backend.session" },
    celery: { flower_url_prefix: "", worker_concurrency: "16" },
  };
  const user = asMap(s.values.config) ?? {};
  const sections = new Map<string, Record<string, string>>();
  for (const [k, v] of Object.entries(defaults)) sections.set(k, { ...v });
  for (const [sec, kv] of Object.entries(user)) {
    if (!isMap(kv)) continue;
    const target = sections.get(sec) ?? {};
    for (const [k, v] of Object.entries(kv)) target[k] = typeof v === "string" ? v : JSON.stringify(v);
    sections.set(sec, target);
  }
  const out: string[] = [];
  for (const sec of [...sections.keys()].sort()) {
    out.push(`[${sec}]`);
    for (const [k, v] of Object.entries(sections.get(sec) ?? {})) out.push(`${k} = ${v}`);
    out.push("");
  }
  return out.join("\n");
}
