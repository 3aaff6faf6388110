// The names of the objects the official Airflow chart renders for a release, per chart line. Pure.
// Use it when no Helm release record can be read; the record's manifest and hooks are the better truth.

import { airflowFullname, bundledPostgresqlName, serviceAccountName } from "./fullname";
import { chartSecrets, type ChartSecret, type ChartSecretRole } from "./secrets";
import { airflowVersionOf, readValues, type ValueReader, type Values } from "./values";
import { chartLine, type ChartLine } from "./versions";
import { chartWorkloads, workerSets, type WorkerSetRef, type WorkloadComponent, type WorkloadRef } from "./workloads";

export interface ChartNames {
  line: ChartLine;
  /** `.Values.airflowVersion` (user's or the line's default): the version the templates branch on. */
  airflowVersion: string;
  fullname: string;
  /** `<fullname>-config` (_helpers.yaml `airflow_config`). */
  configMap: string;
  /** `data.metadataSecretName` or `<fullname>-metadata`. */
  metadataSecret: string;
  /** Only when the pods read a result-backend Secret (Celery and Airflow < 2.4, or a result backend configured). */
  resultBackendSecret?: string;
  /** `pgbouncer.configSecretName` or `<fullname>-pgbouncer-config` (used only with `pgbouncer.enabled`). */
  pgbouncerConfigSecret: string;
  /** `pgbouncer.metricsExporterSidecar.statsSecretName` or `<fullname>-pgbouncer-stats`. */
  pgbouncerStatsSecret: string;
  /** `fernetKeySecretName` or `<release>-fernet-key` (≤ 1.18) / `<fullname>-fernet-key` (1.19). */
  fernetKeySecret: string;
  /** The Secret the pods read the key from; undefined when the version/Airflow version does not use it. */
  webserverSecretKeySecret?: string;
  apiSecretKeySecret?: string;
  /** The JWT Secret the chart renders (or `jwtSecretName`); see `jwtSecretReferenced` for the one the pods read. */
  jwtSecret?: string;
  /** The JWT Secret the env refers to: differs from `jwtSecret` on 1.17 with `useStandardNaming` (a chart bug). */
  jwtSecretReferenced?: string;
  /** Only with `redis.enabled`. */
  redisPasswordSecret?: string;
  /** The broker URL Secret the chart renders (or `data.brokerUrlSecretName`). */
  brokerUrlSecret?: string;
  /** The broker URL Secret the Celery env refers to: `<release>-broker-url` even on 1.19, which renders `<fullname>-…`. */
  brokerUrlSecretReferenced?: string;
  /** The git-sync SSH key Secret (only with git-sync and an `sshKeySecret` or inline `sshKey`). */
  sshSecret?: string;
  workloads: Partial<Record<WorkloadComponent, WorkloadRef>>;
  /** 1.19 Celery worker sets (the default set is also `workloads.worker`); one "default" entry before 1.19. */
  workerSets: WorkerSetRef[];
  /** The ServiceAccount each rendered component's pods use (the chart's `*.serviceAccountName` helpers). */
  serviceAccounts: Partial<Record<string, string>>;
  services: { statsd?: string; pgbouncer?: string; apiServer?: string; webserver?: string; postgresql?: string; redis?: string };
  /** The bundled Bitnami PostgreSQL primary StatefulSet (`postgresql.enabled`). */
  postgresqlStatefulSet?: string;
  jobs: { migrateDatabase?: string; createUser?: string };
  /** True when that Job is a post-install/post-upgrade Helm hook (`*.useHelmHooks`): in the record's hooks. */
  jobHooks: { migrateDatabase?: boolean; createUser?: boolean };
  /** Every Secret the pods read or the chart renders, with keys, hook and rendered/referenced names. */
  secrets: ChartSecret[];
  /** Where the chart-built metadata Secret points (undefined with `data.metadataSecretName`). */
  metadataTarget?: { host: string; port: string; database: string; viaPgbouncer: boolean };
}

export interface ChartNamesInput {
  release: string;
  namespace: string;
  chartVersion: string | undefined;
  /** The user-supplied values (Helm's `config`); chart defaults are applied here. */
  values: Values;
}

function secretOf(secrets: ChartSecret[], role: ChartSecretRole): ChartSecret | undefined {
  return secrets.find((s) => s.role === role);
}

/** Names of what the chart renders for a release (see ChartNames for each field's rule). */
export function chartNames(input: ChartNamesInput): ChartNames {
  const { release, namespace } = input;
  const line = chartLine(input.chartVersion);
  const v = readValues(line, input.values ?? {});
  const airflowVersion = airflowVersionOf(v);
  const fullname = airflowFullname(release, v);
  const secrets = chartSecrets(release, v, airflowVersion);
  const { workloads, serviceAccounts } = chartWorkloads(release, v, airflowVersion);

  const services: ChartNames["services"] = {};
  if (v.on("statsd.enabled")) services.statsd = `${fullname}-statsd`;
  if (v.on("pgbouncer.enabled")) services.pgbouncer = `${fullname}-pgbouncer`;
  if (workloads["api-server"]) services.apiServer = `${fullname}-api-server`;
  if (workloads.webserver) services.webserver = `${fullname}-webserver`;
  if (workloads.redis) services.redis = `${fullname}-redis`;
  const postgresql = v.on("postgresql.enabled") ? bundledPostgresqlName(release, v) : undefined;
  if (postgresql) services.postgresql = postgresql;

  const jobs: ChartNames["jobs"] = {};
  const jobHooks: ChartNames["jobHooks"] = {};
  if (v.on("migrateDatabaseJob.enabled")) {
    jobs.migrateDatabase = `${fullname}-run-airflow-migrations`;
    jobHooks.migrateDatabase = v.on("migrateDatabaseJob.useHelmHooks");
    serviceAccounts["migrate-database-job"] = serviceAccountName(release, v, "migrateDatabaseJob", "migrate-database-job");
  }
  // ≤ 1.18: webserver.defaultUser.enabled; 1.19: createUserJob.enabled, or a webserver.defaultUser left enabled.
  const createUser =
    line === "1.19"
      ? (v.on("webserver.defaultUser") && v.on("webserver.defaultUser.enabled")) || v.on("createUserJob.enabled")
      : v.on("webserver.defaultUser.enabled");
  if (createUser) {
    jobs.createUser = `${fullname}-create-user`;
    jobHooks.createUser = v.on("createUserJob.useHelmHooks");
    serviceAccounts["create-user-job"] = serviceAccountName(release, v, "createUserJob", "create-user-job");
  }

  const fernet = secretOf(secrets, "fernet-key");
  const jwt = secretOf(secrets, "jwt-secret");
  const broker = secretOf(secrets, "broker-url");
  const metadataName = v.str("data.metadataSecretName");
  return {
    line,
    airflowVersion,
    fullname,
    configMap: `${fullname}-config`,
    metadataSecret: metadataName ?? `${fullname}-metadata`,
    resultBackendSecret: secretOf(secrets, "result-backend")?.name,
    pgbouncerConfigSecret: v.str("pgbouncer.configSecretName") ?? `${fullname}-pgbouncer-config`,
    pgbouncerStatsSecret: v.str("pgbouncer.metricsExporterSidecar.statsSecretName") ?? `${fullname}-pgbouncer-stats`,
    fernetKeySecret: fernet?.name ?? `${release}-fernet-key`,
    webserverSecretKeySecret: secretOf(secrets, "webserver-secret-key")?.name,
    apiSecretKeySecret: secretOf(secrets, "api-secret-key")?.name,
    jwtSecret: jwt ? (jwt.renderedName ?? jwt.name) : undefined,
    jwtSecretReferenced: jwt?.referenced ? jwt.name : undefined,
    redisPasswordSecret: secretOf(secrets, "redis-password")?.name,
    brokerUrlSecret: broker ? (broker.renderedName ?? broker.name) : undefined,
    brokerUrlSecretReferenced: broker?.referenced ? broker.name : undefined,
    sshSecret: secretOf(secrets, "git-ssh-key")?.name,
    workloads,
    workerSets: workerSets(release, v),
    serviceAccounts,
    services,
    postgresqlStatefulSet: postgresql,
    jobs,
    jobHooks,
    secrets,
    metadataTarget: metadataName ? undefined : metadataTarget(release, namespace, fullname, v),
  };
}

/** metadata-connection-secret.yaml: PgBouncer when enabled, else data.metadataConnection.host or the bundled DB. */
function metadataTarget(release: string, namespace: string, fullname: string, v: ValueReader): ChartNames["metadataTarget"] {
  if (v.on("pgbouncer.enabled")) {
    return {
      host: `${fullname}-pgbouncer.${namespace}`,
      port: String(v.get("ports.pgbouncer")),
      database: `${release}-metadata`,
      viaPgbouncer: true,
    };
  }
  const host = v.str("data.metadataConnection.host") ?? v.str("postgresql.nameOverride") ?? `${release}-postgresql.${namespace}`;
  return {
    host,
    port: String(v.get("data.metadataConnection.port")),
    database: String(v.get("data.metadataConnection.db")),
    viaPgbouncer: false,
  };
}
