// Documented defaults of the official Apache Airflow chart (1.15–1.18) for the keys the checklist reads.
// Source: chart/values.yaml of each release and DOMAIN.md §5 ("a missing key means *not* production-ready").
// Templated defaults (`config.metrics.statsd_on`, `config.logging.remote_logging`) are left out on purpose:
// the checks derive them from `statsd.enabled` / `elasticsearch.enabled` / `opensearch.enabled` like the chart does.

import type { Values } from "./values";

/** Chart versions with a defaults table; other versions use the nearest one. */
export const SUPPORTED_CHART_VERSIONS = ["1.15", "1.16", "1.17", "1.18"] as const;

const AIRFLOW_BY_CHART: Record<(typeof SUPPORTED_CHART_VERSIONS)[number], string> = {
  "1.15": "2.9.3",
  "1.16": "2.10.5",
  "1.17": "3.0.2",
  "1.18": "3.0.2",
};

const pdbOff = () => ({ enabled: false, config: { maxUnavailable: 1 } });

/** Parse `major.minor` from a chart version such as `1.16.0` or `v1.17.0-rc1`; undefined for ranges. */
export function chartMinor(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.\d+/.exec(version?.trim() ?? "");
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The defaults table used for a chart version (clamped to 1.15–1.18; unknown → 1.18). */
export function defaultsTableFor(chartVersion: string | undefined): (typeof SUPPORTED_CHART_VERSIONS)[number] {
  const mm = chartMinor(chartVersion);
  if (!mm) return "1.18";
  const [major, minor] = mm;
  if (major < 1 || (major === 1 && minor <= 15)) return "1.15";
  if (major > 1 || minor >= 18) return "1.18";
  return `1.${minor}` as (typeof SUPPORTED_CHART_VERSIONS)[number];
}

/** Chart defaults for the keys we check, for a chart version (see file header for what is left out). */
export function chartDefaults(chartVersion: string | undefined): Values {
  const table = defaultsTableFor(chartVersion);
  const af = AIRFLOW_BY_CHART[table];
  const hasApiServer = table !== "1.15";
  const values: Values = {
    airflowVersion: af,
    defaultAirflowTag: af,
    executor: "CeleryExecutor",
    fernetKey: null,
    fernetKeySecretName: null,
    webserverSecretKey: null,
    webserverSecretKeySecretName: null,
    env: [],
    extraEnv: null,
    postgresql: { enabled: true },
    data: {
      metadataSecretName: null,
      resultBackendSecretName: null,
      brokerUrlSecretName: null,
      metadataConnection: {
        user: "postgres",
        pass: "postgres",
        protocol: "postgresql",
        host: null,
        port: 5432,
        db: "postgres",
        sslmode: "disable",
      },
      resultBackendConnection: null,
      brokerUrl: null,
    },
    pgbouncer: {
      enabled: false,
      replicas: 1,
      maxClientConn: 100,
      metadataPoolSize: 10,
      resultBackendPoolSize: 5,
      configSecretName: null,
      podDisruptionBudget: pdbOff(),
      metricsExporterSidecar: { statsSecretName: null, statsSecretKey: null },
    },
    redis: { enabled: true, passwordSecretName: null, password: null },
    scheduler: { replicas: 1, podDisruptionBudget: pdbOff() },
    webserver: { replicas: 1, podDisruptionBudget: pdbOff(), hpa: { enabled: false, minReplicaCount: 1 } },
    triggerer: { enabled: true, replicas: 1 },
    dagProcessor: { enabled: table === "1.15" || table === "1.16" ? false : null, replicas: 1 },
    statsd: { enabled: true },
    elasticsearch: { enabled: false, secretName: null },
    dags: {
      persistence: { enabled: false },
      gitSync: {
        enabled: false,
        repo: "https://github.com/apache/airflow.git",
        branch: "v2-2-stable",
        rev: "HEAD",
        ref: "v2-2-stable",
        subPath: "tests/dags",
        period: "5s",
        containerName: "git-sync",
        sshKeySecret: null,
        sshKey: null,
        knownHosts: null,
        credentialsSecret: null,
      },
    },
    config: { logging: { colored_console_log: "False" }, metrics: { statsd_port: 9125, statsd_prefix: "airflow" } },
  };
  if (hasApiServer) {
    values.opensearch = { enabled: false };
    values.apiSecretKey = null;
    values.apiSecretKeySecretName = null;
    values.jwtSecret = null;
    values.jwtSecretName = null;
    values.apiServer = { replicas: 1, podDisruptionBudget: pdbOff() };
  }
  return values;
}
