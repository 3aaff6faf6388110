// Object names of the official Airflow chart, per chart version, exactly as its templates compute them (pure).
// `values` are the coalesced values (chart defaults + user values). Template references are to
// charts/airflow/<version>/templates/.
import { asBool, asString, getPath, isMap, type JsonMap } from "../sim/objects";

export type ChartLine = "1.16" | "1.17" | "1.18" | "1.19";

/** "1.18.0" -> "1.18"; versions after 1.19 behave like 1.19, before 1.16 like 1.16. */
export function chartLine(chartVersion: string): ChartLine {
  const minor = Number(chartVersion.split(".")[1] ?? 0);
  if (minor <= 16) return "1.16";
  if (minor >= 19) return "1.19";
  return `1.${minor}` as ChartLine;
}

/** Go template truthiness of a value. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

const str = (values: JsonMap, path: string): string | undefined => {
  const v = asString(getPath(values, path));
  return v === undefined || v === "" ? undefined : v;
};

/** Go's `trunc 63 | trimSuffix "-"` (trimSuffix removes one trailing "-"). */
function trunc63(s: string): string {
  const t = s.slice(0, 63);
  return t.endsWith("-") ? t.slice(0, -1) : t;
}

/** `airflow.serviceAccountName` (_helpers.yaml): fullnameOverride, else the release name when it contains the
 *  chart name (or nameOverride), else `<release>-<name>`; independent of useStandardNaming. */
export function serviceAccountBase(release: string, values: JsonMap): string {
  const override = str(values, "fullnameOverride");
  if (override) return trunc63(override);
  const name = str(values, "nameOverride") ?? "airflow";
  return release.includes(name) ? trunc63(release) : trunc63(`${release}-${name}`);
}

/** `airflow.fullname` (_helpers.yaml): the release name unless useStandardNaming. */
export function airflowFullname(release: string, values: JsonMap): string {
  if (!truthy(getPath(values, "useStandardNaming"))) return release;
  return serviceAccountBase(release, values);
}

/** `_serviceAccountName` (_helpers.yaml): `<base>-<suffix>` when `<section>.serviceAccount.create`, else the
 *  given name or "default". */
export function componentServiceAccount(release: string, values: JsonMap, section: string, suffix = section): string {
  const name = str(values, `${section}.serviceAccount.name`);
  if (asBool(getPath(values, `${section}.serviceAccount.create`)) === false) return name ?? "default";
  return name ?? `${serviceAccountBase(release, values)}-${suffix}`;
}

export interface SecretNames {
  /** Referenced by the pods (the `*_secret` helpers). */
  fernet: string;
  /** The Secret secrets/fernetkey-secret.yaml renders (when no fernetKeySecretName). */
  fernetRendered: string;
  metadata: string;
  resultBackend: string;
  webserver: string;
  /** 1.18+. */
  api?: string;
  /** 1.17+: referenced by the pods. */
  jwt?: string;
  /** 1.17+: the Secret secrets/jwt-secret.yaml renders (1.17 names it from the fullname, the pods use the release). */
  jwtRendered?: string;
  redisPassword: string;
  /** Referenced by the pods (`AIRFLOW__CELERY__BROKER_URL`, always `<release>-broker-url` by default). */
  brokerUrl: string;
  /** The Secret secrets/redis-secrets.yaml renders. */
  brokerUrlRendered: string;
  pgbouncerConfig: string;
  pgbouncerStats: string;
  gitSshKey: string;
}

export function secretNames(line: ChartLine, release: string, values: JsonMap): SecretNames {
  const full = airflowFullname(release, values);
  // 1.16–1.18 name the fernet key, JWT and redis Secrets from the release; 1.19 from the fullname.
  const legacy = line !== "1.19" ? release : full;
  const names: SecretNames = {
    fernet: str(values, "fernetKeySecretName") ?? `${legacy}-fernet-key`,
    fernetRendered: `${legacy}-fernet-key`,
    metadata: str(values, "data.metadataSecretName") ?? `${full}-metadata`,
    resultBackend: str(values, "data.resultBackendSecretName") ?? `${full}-result-backend`,
    webserver: str(values, "webserverSecretKeySecretName") ?? `${full}-webserver-secret-key`,
    redisPassword: str(values, "redis.passwordSecretName") ?? `${legacy}-redis-password`,
    brokerUrl: str(values, "data.brokerUrlSecretName") ?? `${release}-broker-url`,
    brokerUrlRendered: `${legacy}-broker-url`,
    pgbouncerConfig: str(values, "pgbouncer.configSecretName") ?? `${full}-pgbouncer-config`,
    pgbouncerStats: str(values, "pgbouncer.metricsExporterSidecar.statsSecretName") ?? `${full}-pgbouncer-stats`,
    gitSshKey: str(values, "dags.gitSync.sshKeySecret") ?? `${full}-ssh-secret`,
  };
  if (line !== "1.16") {
    names.jwt = str(values, "jwtSecretName") ?? `${legacy}-jwt-secret`;
    names.jwtRendered = line === "1.17" ? `${full}-jwt-secret` : `${legacy}-jwt-secret`;
  }
  if (line === "1.18" || line === "1.19") names.api = str(values, "apiSecretKeySecretName") ?? `${full}-api-secret-key`;
  return names;
}

/** The ServiceAccount helpers per component (section in values, name suffix). */
export const SERVICE_ACCOUNTS: Record<string, { section: string; suffix: string }> = {
  scheduler: { section: "scheduler", suffix: "scheduler" },
  webserver: { section: "webserver", suffix: "webserver" },
  "api-server": { section: "apiServer", suffix: "api-server" },
  triggerer: { section: "triggerer", suffix: "triggerer" },
  "dag-processor": { section: "dagProcessor", suffix: "dag-processor" },
  worker: { section: "workers", suffix: "worker" },
  statsd: { section: "statsd", suffix: "statsd" },
  pgbouncer: { section: "pgbouncer", suffix: "pgbouncer" },
  redis: { section: "redis", suffix: "redis" },
  flower: { section: "flower", suffix: "flower" },
  "create-user-job": { section: "createUserJob", suffix: "create-user-job" },
  "migrate-database-job": { section: "migrateDatabaseJob", suffix: "migrate-database-job" },
};

export function serviceAccountOf(component: keyof typeof SERVICE_ACCOUNTS, release: string, values: JsonMap): string {
  const sa = SERVICE_ACCOUNTS[component];
  return componentServiceAccount(release, values, sa.section, sa.suffix);
}

/** Bitnami postgresql's `common.names.fullname` for the bundled database (its values under `postgresql`). */
export function postgresqlFullname(release: string, values: JsonMap): string {
  const override = str(values, "postgresql.fullnameOverride");
  if (override) return trunc63(override);
  const name = str(values, "postgresql.nameOverride") ?? "postgresql";
  return release.includes(name) ? trunc63(release) : trunc63(`${release}-${name}`);
}
