// Reading a release's values the way the chart's templates see them. Pure.
// `values` are the user-supplied values (Helm's release `config`); the chart defaults below are the keys this
// module reads, copied from charts/airflow/<version>/values.yaml (values.test.ts checks them against those files).
// Helm merges user values over the defaults; a user `null` removes the key, which the templates see as nil.

import type { ChartLine } from "./versions";

export type Values = Record<string, unknown>;

const SERVICE_ACCOUNT = { create: true, name: null };

const COMMON: Values = {
  useStandardNaming: false,
  fullnameOverride: "",
  nameOverride: "",
  executor: "CeleryExecutor",
  fernetKeySecretName: null,
  webserverSecretKeySecretName: null,
  enableBuiltInSecretEnvVars: {
    AIRFLOW__CORE__FERNET_KEY: true,
    AIRFLOW__WEBSERVER__SECRET_KEY: true,
    AIRFLOW__CELERY__CELERY_RESULT_BACKEND: true,
    AIRFLOW__CELERY__RESULT_BACKEND: true,
    AIRFLOW__CELERY__BROKER_URL: true,
  },
  data: {
    metadataSecretName: null,
    resultBackendSecretName: null,
    brokerUrlSecretName: null,
    metadataConnection: { host: null, port: 5432, db: "postgres" },
    resultBackendConnection: null,
  },
  ports: { pgbouncer: 6543 },
  pgbouncer: {
    enabled: false,
    configSecretName: null,
    metricsExporterSidecar: { statsSecretName: null, statsSecretKey: null },
    serviceAccount: SERVICE_ACCOUNT,
  },
  redis: { enabled: true, passwordSecretName: null, serviceAccount: SERVICE_ACCOUNT },
  dags: { persistence: { enabled: false }, gitSync: { enabled: false, period: "5s", wait: null } },
  scheduler: { enabled: true, serviceAccount: SERVICE_ACCOUNT },
  webserver: { enabled: true, serviceAccount: SERVICE_ACCOUNT },
  apiServer: { serviceAccount: SERVICE_ACCOUNT },
  triggerer: { enabled: true, persistence: { enabled: true }, serviceAccount: SERVICE_ACCOUNT },
  dagProcessor: { enabled: null, serviceAccount: SERVICE_ACCOUNT },
  workers: { persistence: { enabled: true }, serviceAccount: SERVICE_ACCOUNT },
  statsd: { enabled: true, serviceAccount: SERVICE_ACCOUNT },
  flower: { enabled: false, serviceAccount: SERVICE_ACCOUNT },
  postgresql: { enabled: true },
  createUserJob: { useHelmHooks: true, serviceAccount: SERVICE_ACCOUNT },
  migrateDatabaseJob: { enabled: true, useHelmHooks: true, serviceAccount: SERVICE_ACCOUNT },
  cleanup: { enabled: false, serviceAccount: SERVICE_ACCOUNT },
};

const LINE_DEFAULTS: Record<ChartLine, Values> = {
  "1.16": {
    airflowVersion: "2.10.5",
    webserver: { defaultUser: { enabled: true } },
  },
  "1.17": {
    airflowVersion: "3.0.2",
    jwtSecretName: null,
    enableBuiltInSecretEnvVars: { AIRFLOW__API_AUTH__JWT_SECRET: true },
    webserver: { defaultUser: { enabled: true } },
  },
  "1.18": {
    airflowVersion: "3.0.2",
    jwtSecretName: null,
    apiSecretKeySecretName: null,
    enableBuiltInSecretEnvVars: { AIRFLOW__API_AUTH__JWT_SECRET: true, AIRFLOW__API__SECRET_KEY: true },
    webserver: { defaultUser: { enabled: true } },
  },
  // 1.19 drops `webserver.defaultUser` (commented out in values.yaml) for `createUserJob.enabled` and adds
  // `apiServer.enabled` and the Celery worker sets.
  "1.19": {
    airflowVersion: "3.1.7",
    jwtSecretName: null,
    apiSecretKeySecretName: null,
    enableBuiltInSecretEnvVars: { AIRFLOW__API_AUTH__JWT_SECRET: true, AIRFLOW__API__SECRET_KEY: true },
    apiServer: { enabled: true },
    createUserJob: { enabled: true },
    databaseCleanup: { enabled: false, serviceAccount: SERVICE_ACCOUNT },
    workers: { celery: { enableDefault: true, sets: [], persistence: { enabled: null } } },
  },
};

function isMap(v: unknown): v is Values {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function merge(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isMap(v) && isMap(out[k]) ? merge(out[k] as Values, v) : v;
  return out;
}

const DEFAULTS: Record<ChartLine, Values> = {
  "1.16": merge(COMMON, LINE_DEFAULTS["1.16"]),
  "1.17": merge(COMMON, LINE_DEFAULTS["1.17"]),
  "1.18": merge(COMMON, LINE_DEFAULTS["1.18"]),
  "1.19": merge(COMMON, LINE_DEFAULTS["1.19"]),
};

/** The chart defaults this module relies on, for a chart line (for tests and callers that show defaults). */
export function chartDefaultsFor(line: ChartLine): Values {
  return DEFAULTS[line];
}

type Lookup = { found: true; value: unknown } | { found: false };

function lookup(values: unknown, path: string): Lookup {
  let cur: unknown = values;
  for (const part of path.split(".")) {
    if (!isMap(cur) || !(part in cur)) return { found: false };
    cur = cur[part];
  }
  return { found: true, value: cur };
}

/** Go template truthiness: false, 0, "", nil and empty collections are false. */
export function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** The values as a template sees them: the user's value at a path when present (even null), else the default. */
export interface ValueReader {
  line: ChartLine;
  get(path: string): unknown;
  /** Truthiness of `.Values.<path>`. */
  on(path: string): boolean;
  /** A non-empty string at `.Values.<path>`, else undefined (sprig's `default` treats "" as unset). */
  str(path: string): string | undefined;
}

export function readValues(line: ChartLine, values: Values): ValueReader {
  const defaults = DEFAULTS[line];
  const get = (path: string): unknown => {
    const user = lookup(values, path);
    if (user.found) return user.value;
    const def = lookup(defaults, path);
    return def.found ? def.value : undefined;
  };
  return {
    line,
    get,
    on: (path) => truthy(get(path)),
    str: (path) => {
      const v = get(path);
      if (typeof v === "string") return v === "" ? undefined : v;
      return typeof v === "number" ? String(v) : undefined;
    },
  };
}

/** `.Values.executor` as a string (the chart tests it with `contains`). */
export function executorOf(v: ValueReader): string {
  const e = v.get("executor");
  if (Array.isArray(e)) return e.map(String).join(",");
  return typeof e === "string" ? e : "";
}

/** `or (contains "CeleryExecutor" .Values.executor) (contains "CeleryKubernetesExecutor" .Values.executor)`. */
export function isCelery(v: ValueReader): boolean {
  const e = executorOf(v);
  return e.includes("CeleryExecutor") || e.includes("CeleryKubernetesExecutor");
}

/** `.Values.airflowVersion` (user's or the line's default). */
export function airflowVersionOf(v: ValueReader): string {
  return v.str("airflowVersion") ?? String(DEFAULTS[v.line].airflowVersion);
}
