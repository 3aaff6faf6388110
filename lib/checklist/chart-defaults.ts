// Defaults of the official Apache Airflow chart (1.16–1.19) for the keys the checklist reads, read from
// `charts/airflow/<version>/values.yaml` of each release (DOMAIN.md §5: "a missing key means *not* production-ready").
// Templated defaults (`config.metrics.statsd_on/statsd_host`, `config.logging.remote_logging`) are left out on
// purpose: the checks derive them from `statsd.enabled` / the chart's names / `elasticsearch.enabled` like the chart.

import { chartLine, defaultAirflowVersion, type ChartLine } from "./chart-facts";
import type { Values } from "./values";

/** Chart lines with a defaults table; other versions use the nearest line (see `chartLine`). */
export const SUPPORTED_CHART_VERSIONS: readonly ChartLine[] = ["1.16", "1.17", "1.18", "1.19"];

const pdbOff = () => ({ enabled: false, config: { maxUnavailable: 1 } });

/** Parse `major.minor` from a chart version such as `1.16.0` or `v1.17.0-rc1`; undefined for ranges. */
export function chartMinor(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)\.\d+/.exec(version?.trim() ?? "");
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The defaults table used for a chart version (the chart line, 1.16–1.19). */
export function defaultsTableFor(chartVersion: string | undefined): ChartLine {
  return chartLine(chartVersion);
}

function secretKeyDefaults(line: ChartLine): Values {
  // values.yaml: `webserverSecretKey*` in every line; `jwtSecret*` from 1.17; `apiSecretKey*` from 1.18.
  const out: Values = { webserverSecretKey: null, webserverSecretKeySecretName: null };
  if (line !== "1.16") Object.assign(out, { jwtSecret: null, jwtSecretName: null });
  if (line === "1.18" || line === "1.19") Object.assign(out, { apiSecretKey: null, apiSecretKeySecretName: null });
  return out;
}

/** Chart defaults for the keys we check, for a chart version (see file header for what is left out). */
export function chartDefaults(chartVersion: string | undefined): Values {
  const line = chartLine(chartVersion);
  const af = defaultAirflowVersion(line);
  // 1.16 has no `apiServer.replicas` default (the Deployment renders `replicas:` empty → 1); 1.19 adds
  // `apiServer.enabled: true`, `apiServer.hpa` and PDBs for the triggerer and dag-processor.
  const apiServer: Values = { podDisruptionBudget: pdbOff() };
  if (line !== "1.16") apiServer.replicas = 1;
  if (line === "1.19") Object.assign(apiServer, { enabled: true, hpa: { enabled: false, minReplicaCount: 1 } });
  const values: Values = {
    airflowVersion: af,
    defaultAirflowTag: af,
    useStandardNaming: false,
    fullnameOverride: "",
    nameOverride: "",
    executor: "CeleryExecutor",
    fernetKey: null,
    fernetKeySecretName: null,
    ...secretKeyDefaults(line),
    env: [],
    extraEnv: null,
    ports: { statsdIngest: 9125, statsdScrape: 9102, pgbouncer: 6543 },
    postgresql: {
      enabled: true,
      auth: { enablePostgresUser: true, postgresPassword: "postgres", username: "", password: "" },
    },
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
    webserver: {
      enabled: true,
      replicas: 1,
      podDisruptionBudget: pdbOff(),
      hpa: { enabled: false, minReplicaCount: 1 },
    },
    apiServer,
    triggerer: { enabled: true, replicas: 1, ...(line === "1.19" ? { podDisruptionBudget: pdbOff() } : {}) },
    dagProcessor: { enabled: null, replicas: 1, ...(line === "1.19" ? { podDisruptionBudget: pdbOff() } : {}) },
    statsd: { enabled: true },
    elasticsearch: { enabled: false, secretName: null },
    opensearch: { enabled: false },
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
  return values;
}
