// TEMPORARY stand-in for lib/airflow-chart (helper "chart"), coded against its announced contract; removed when
// that module is merged. Only what the checklist calls is here.

type Values = Record<string, unknown>;

export type ChartLine = "1.16" | "1.17" | "1.18" | "1.19";

const isMap = (v: unknown): v is Values => typeof v === "object" && v !== null && !Array.isArray(v);
const get = (v: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((cur, seg) => (isMap(cur) ? cur[seg] : undefined), v);
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

export function chartLine(v: string | undefined): ChartLine {
  const m = /^v?(\d+)\.(\d+)/.exec(v?.trim() ?? "");
  if (!m) return "1.19";
  const minor = Number(m[1]) > 1 ? 19 : Math.min(19, Math.max(16, Number(m[2])));
  return `1.${minor}` as ChartLine;
}

export function defaultAirflowVersion(line: ChartLine): string {
  return { "1.16": "2.10.5", "1.17": "3.0.2", "1.18": "3.0.2", "1.19": "3.1.7" }[line];
}

function major(v: string): number {
  return Number(/^v?(\d+)/.exec(v)?.[1] ?? "2");
}

export function secretKeysHonoured(
  line: ChartLine,
  airflowVersion: string,
  _values: Values,
): { webserverSecretKey: boolean; apiSecretKey: boolean; jwtSecret: boolean } {
  const af3 = major(airflowVersion) >= 3;
  if (line === "1.16") return { webserverSecretKey: true, apiSecretKey: false, jwtSecret: false };
  if (line === "1.17") return { webserverSecretKey: true, apiSecretKey: false, jwtSecret: af3 };
  return { webserverSecretKey: !af3, apiSecretKey: af3, jwtSecret: af3 };
}

export function honoursValue(line: ChartLine, path: string): boolean {
  if (path.startsWith("apiSecretKey")) return line === "1.18" || line === "1.19";
  if (path.startsWith("jwtSecret") || path === "apiServer.replicas") return line !== "1.16";
  return true;
}

export type ChartComponent = string;

export interface ChartNames {
  fullname: string;
  configMap: string;
  metadataSecret: string;
  resultBackendSecret?: string;
  pgbouncerConfigSecret: string;
  pgbouncerStatsSecret: string;
  fernetKeySecret: string;
  webserverSecretKeySecret?: string;
  apiSecretKeySecret?: string;
  jwtSecret?: string;
  redisPasswordSecret?: string;
  brokerUrlSecret?: string;
  sshSecret?: string;
  workloads: Partial<Record<ChartComponent, { kind: string; name: string }>>;
  serviceAccounts: Partial<Record<ChartComponent, string>>;
  services: { statsd?: string; pgbouncer?: string; apiServer?: string; webserver?: string; postgresql?: string };
  jobs: { migrateDatabase?: string; createUser?: string };
}

function fullnameOf(release: string, values: Values): string {
  if (get(values, "useStandardNaming") !== true) return release;
  const override = str(get(values, "fullnameOverride"));
  if (override) return override.slice(0, 63).replace(/-+$/, "");
  const name = str(get(values, "nameOverride")) ?? "airflow";
  return (release.includes(name) ? release : `${release}-${name}`).slice(0, 63).replace(/-+$/, "");
}

export function chartNames(input: {
  release: string;
  namespace: string;
  chartVersion?: string;
  values: Values;
}): ChartNames {
  const { release, values } = input;
  const line = chartLine(input.chartVersion);
  const fullname = fullnameOf(release, values);
  const older = line !== "1.19";
  const by = (path: string, fallback: string) => str(get(values, path)) ?? fallback;
  return {
    fullname,
    configMap: `${fullname}-config`,
    metadataSecret: by("data.metadataSecretName", `${fullname}-metadata`),
    pgbouncerConfigSecret: by("pgbouncer.configSecretName", `${fullname}-pgbouncer-config`),
    pgbouncerStatsSecret: by("pgbouncer.metricsExporterSidecar.statsSecretName", `${fullname}-pgbouncer-stats`),
    fernetKeySecret: by("fernetKeySecretName", `${older ? release : fullname}-fernet-key`),
    webserverSecretKeySecret: by("webserverSecretKeySecretName", `${fullname}-webserver-secret-key`),
    apiSecretKeySecret:
      older && line !== "1.18" ? undefined : by("apiSecretKeySecretName", `${fullname}-api-secret-key`),
    jwtSecret: line === "1.16" ? undefined : by("jwtSecretName", `${older ? release : fullname}-jwt-secret`),
    workloads: {},
    serviceAccounts: {},
    services: {
      statsd: `${fullname}-statsd`,
      pgbouncer: `${fullname}-pgbouncer`,
      apiServer: `${fullname}-api-server`,
      webserver: `${fullname}-webserver`,
      postgresql: `${release}-postgresql`,
    },
    jobs: {},
  };
}

export function chartFlavour(input: {
  chartName?: string;
  chartVersion?: string;
  sourceUrl?: string;
  home?: string;
  sources?: string[];
}): "official" | "community" | "unknown" {
  const urls = [input.sourceUrl, input.home, ...(input.sources ?? [])].filter(Boolean).join(" ");
  if (/airflow-helm/.test(urls)) return "community";
  if (/airflow\.apache\.org|apache\/airflow/.test(urls)) return "official";
  if (/^v?[2-9]\d*\./.test(input.chartVersion ?? "") || /^v?\d{2,}\./.test(input.chartVersion ?? ""))
    return "community";
  return "unknown";
}

export function gitSyncIntervalSeconds(values: Values): number | undefined {
  const wait = get(values, "dags.gitSync.wait");
  if (typeof wait === "number" && wait > 0) return wait;
  const period = get(values, "dags.gitSync.period");
  if (typeof period !== "string") return typeof period === "number" ? period : undefined;
  const m = /^(\d+)(s|m|h)?$/.exec(period.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === "m" ? 60 : m[2] === "h" ? 3600 : 1);
}

export const GIT_SYNC_CREDENTIAL_KEYS = [
  "GIT_SYNC_USERNAME",
  "GITSYNC_USERNAME",
  "GIT_SYNC_PASSWORD",
  "GITSYNC_PASSWORD",
] as const;
