// The Secrets the Airflow chart renders (templates/secrets/*.yaml), per chart version: names from airflow-names.ts,
// keys and values as the templates compute them, pre-install hooks for the fernet key and the redis Secrets,
// pre-install/pre-upgrade hooks for extraSecrets and extraConfigMaps. Generated values change on every render
// (randAlphaNum, no `lookup`); only the hooks keep the first one, because Helm does not run them again on upgrade.
import { parse as parseYaml } from "yaml";
import type { KObject } from "../store/types";
import { asMap, asString, getPath, isMap } from "../sim/objects";
import { atLeast, chartLabels, type AirflowSettings } from "./airflow-settings";
import { truthy } from "./airflow-names";
import { tpl } from "./airflow-config";
import { meta, opaqueSecret, type ReleaseRef, type RenderedObject, type SecretValueSource } from "./chart-objects";
import { goQuote, sprigUrlJoin, urlquery } from "./go-text";

const PRE_INSTALL = {
  "helm.sh/hook": "pre-install",
  "helm.sh/hook-delete-policy": "before-hook-creation",
  "helm.sh/hook-weight": "0",
};
const PRE_INSTALL_UPGRADE = {
  "helm.sh/hook": "pre-install,pre-upgrade",
  "helm.sh/hook-weight": "0",
  "helm.sh/hook-delete-policy": "before-hook-creation",
};

const src = (file: string) => `airflow/templates/${file}`;
const b64 = (v: string) => Buffer.from(v, "utf8").toString("base64");

export function renderAirflowSecrets(s: AirflowSettings, ref: ReleaseRef, gen: SecretValueSource): RenderedObject[] {
  const out: RenderedObject[] = [];
  const v = s.values;
  const str = (path: string): string | undefined => {
    const x = getPath(v, path);
    return x === null || x === undefined || x === "" ? undefined : String(x);
  };
  const v3 = atLeast(s, "3.0.0");
  const short = s.line === "1.16"; // 1.16's Secrets carry `chart: airflow`, later versions `chart: airflow-<version>`
  const put = (file: string, obj: KObject) => out.push({ source: src(file), object: obj });
  const secret = (
    file: string,
    name: string,
    component: string | undefined,
    data: Record<string, string>,
    opts: { hook?: Record<string, string>; shortChart?: boolean } = {},
  ) =>
    put(
      file,
      opaqueSecret(ref, name, chartLabels(s, component, { shortChart: opts.shortChart ?? short }), data, {
        ...(opts.hook ?? {}),
      }),
    );

  // secrets/fernetkey-secret.yaml: `(default (randAlphaNum 32 | b64enc) .Values.fernetKey) | b64enc`.
  if (!str("fernetKeySecretName"))
    secret(
      "secrets/fernetkey-secret.yaml",
      s.names.fernetRendered,
      undefined,
      {
        "fernet-key": str("fernetKey") ?? b64(gen.rng.alnum(32)),
      },
      { hook: PRE_INSTALL },
    );

  // secrets/metadata-connection-secret.yaml
  if (!str("data.metadataSecretName"))
    secret("secrets/metadata-connection-secret.yaml", s.names.metadata, undefined, { connection: metadataUrl(s) });

  // secrets/result-backend-connection-secret.yaml: Celery and (Airflow < 2.4 or a resultBackendConnection).
  if (
    !str("data.resultBackendSecretName") &&
    s.celery &&
    (!atLeast(s, "2.4.0") || truthy(getPath(v, "data.resultBackendConnection")))
  )
    secret("secrets/result-backend-connection-secret.yaml", s.names.resultBackend, undefined, {
      connection: resultBackendUrl(s),
    });

  // secrets/webserver-secret-key-secret.yaml: 1.16/1.17 every Airflow version, value b64enc(randAlphaNum 32);
  // 1.18 Airflow < 3 with webserver.enabled, 1.19 Airflow < 3; value randAlphaNum 32.
  const oldLine = s.line === "1.16" || s.line === "1.17";
  const webserverKey = oldLine ? true : s.line === "1.18" ? !v3 && truthy(getPath(v, "webserver.enabled")) : !v3;
  if (webserverKey && !str("webserverSecretKeySecretName"))
    secret("secrets/webserver-secret-key-secret.yaml", `${s.fullname}-webserver-secret-key`, "webserver", {
      "webserver-secret-key": str("webserverSecretKey") ?? (oldLine ? b64(gen.rng.alnum(32)) : gen.rng.alnum(32)),
    });

  // secrets/api-secret-key-secret.yaml (1.18+): Airflow >= 3 (1.19: and apiServer.enabled).
  if (
    s.names.api &&
    v3 &&
    (s.line !== "1.19" || truthy(getPath(v, "apiServer.enabled"))) &&
    !str("apiSecretKeySecretName")
  )
    secret("secrets/api-secret-key-secret.yaml", `${s.fullname}-api-secret-key`, "api-server", {
      "api-secret-key": str("apiSecretKey") ?? gen.rng.alnum(32),
    });

  // secrets/jwt-secret.yaml (1.17+): Airflow >= 3 (1.19: and apiServer.enabled); `chart: airflow` in every version.
  if (
    s.names.jwtRendered &&
    v3 &&
    (s.line !== "1.19" || truthy(getPath(v, "apiServer.enabled"))) &&
    !str("jwtSecretName")
  )
    secret(
      "secrets/jwt-secret.yaml",
      s.names.jwtRendered,
      "api-server",
      {
        "jwt-secret": str("jwtSecret") ?? (s.line === "1.19" ? gen.rng.alnum(32) : b64(gen.rng.alnum(32))),
      },
      { shortChart: true },
    );

  // secrets/redis-secrets.yaml: rendered whatever the executor (the template says so), both pre-install hooks.
  const redisPassword = str("redis.password") ?? gen.rng.alnum(10);
  if (truthy(getPath(v, "redis.enabled")) && !str("redis.passwordSecretName"))
    secret(
      "secrets/redis-secrets.yaml",
      s.names.redisPassword,
      "redis",
      { password: redisPassword },
      { hook: PRE_INSTALL },
    );
  if (!str("data.brokerUrlSecretName")) {
    const connection = truthy(getPath(v, "redis.enabled"))
      ? sprigUrlJoin({
          scheme: "redis",
          userinfo: `:${urlquery(redisPassword)}`,
          host: `${s.fullname}-redis:6379`,
          path: "/0",
        })
      : String(getPath(v, "data.brokerUrl") ?? "");
    secret(
      "secrets/redis-secrets.yaml",
      s.names.brokerUrlRendered,
      "redis",
      { connection },
      { hook: PRE_INSTALL, shortChart: true },
    );
  }

  // secrets/pgbouncer-config-secret.yaml and pgbouncer-stats-secret.yaml
  if (s.pgbouncer && !str("pgbouncer.configSecretName"))
    secret("secrets/pgbouncer-config-secret.yaml", s.names.pgbouncerConfig, "pgbouncer", {
      "pgbouncer.ini": pgbouncerIni(s),
      "users.txt": pgbouncerUsers(s),
    });
  if (s.pgbouncer && !str("pgbouncer.metricsExporterSidecar.statsSecretName")) {
    const c = connection(s, "metadataConnection");
    secret("secrets/pgbouncer-stats-secret.yaml", s.names.pgbouncerStats, "pgbouncer", {
      connection: sprigUrlJoin({
        scheme: "postgresql",
        userinfo: `${urlquery(c.user)}:${urlquery(c.pass)}`,
        host: `127.0.0.1:${String(getPath(v, "ports.pgbouncer"))}`,
        path: "/pgbouncer",
        query: `sslmode=${String(getPath(v, "pgbouncer.metricsExporterSidecar.sslmode"))}`,
      }),
    });
  }

  // secrets/git-ssh-key-secret.yaml
  if (str("dags.gitSync.sshKey") && s.gitSync)
    secret("secrets/git-ssh-key-secret.yaml", s.names.gitSshKey, undefined, {
      gitSshKey: str("dags.gitSync.sshKey") as string,
    });

  out.push(...extraObjects(s, ref, "Secret"), ...extraObjects(s, ref, "ConfigMap"));
  return out;
}

interface Conn {
  user: string;
  pass: string;
  protocol: string;
  host?: string;
  port: string;
  db: string;
  sslmode: string;
}

function connection(s: AirflowSettings, which: "metadataConnection" | "resultBackendConnection"): Conn {
  const c = asMap(getPath(s.values, `data.${which}`)) ?? asMap(getPath(s.values, "data.metadataConnection")) ?? {};
  const text = (k: string) => (c[k] === null || c[k] === undefined ? "" : String(c[k]));
  return {
    user: text("user"),
    pass: text("pass"),
    protocol: text("protocol"),
    host: text("host") || undefined,
    port: text("port"),
    db: text("db"),
    sslmode: text("sslmode"),
  };
}

/** secrets/metadata-connection-secret.yaml `connection`. */
export function metadataUrl(s: AirflowSettings): string {
  const c = connection(s, "metadataConnection");
  const defaultHost =
    asString(getPath(s.values, "postgresql.nameOverride")) || `${s.release}-postgresql.${s.namespace}`;
  const host = s.pgbouncer ? `${s.fullname}-pgbouncer.${s.namespace}` : (c.host ?? defaultHost);
  const port = s.pgbouncer ? String(getPath(s.values, "ports.pgbouncer")) : c.port;
  const db = s.pgbouncer ? `${s.release}-metadata` : c.db;
  return sprigUrlJoin({
    scheme: c.protocol,
    userinfo: `${urlquery(c.user)}:${urlquery(c.pass)}`,
    host: `${host}:${port}`,
    path: `/${db}`,
    query: c.protocol === "postgresql" ? `sslmode=${c.sslmode}` : "",
  });
}

function resultBackendUrl(s: AirflowSettings): string {
  const c = connection(s, "resultBackendConnection");
  const host = s.pgbouncer ? `${s.release}-pgbouncer` : (c.host ?? `${s.release}-postgresql`);
  return sprigUrlJoin({
    scheme: `db+${c.protocol}`,
    userinfo: `${urlquery(c.user)}:${urlquery(c.pass)}`,
    host: `${host}:${s.pgbouncer ? String(getPath(s.values, "ports.pgbouncer")) : c.port}`,
    path: `/${s.pgbouncer ? `${s.release}-result-backend` : c.db}`,
    query: c.protocol === "postgresql" ? `sslmode=${c.sslmode}` : "",
  });
}

/** pgbouncer_config (_helpers.yaml): both databases, the configured auth_type. */
export function pgbouncerIni(s: AirflowSettings): string {
  const p = (k: string) => String(getPath(s.values, `pgbouncer.${k}`) ?? "");
  const opt = (k: string) => asString(getPath(s.values, `pgbouncer.${k}`)) ?? "";
  const m = connection(s, "metadataConnection");
  const rb = connection(s, "resultBackendConnection");
  const defaultHost = `${s.release}-postgresql.${s.namespace}`;
  const lines = [
    "",
    "",
    "",
    "[databases]",
    `${s.release}-metadata = host=${m.host ?? defaultHost} dbname=${m.db} port=${m.port} pool_size=${p("metadataPoolSize")} ${opt("extraIniMetadata")}`,
    `${s.release}-result-backend = host=${rb.host ?? defaultHost} dbname=${rb.db} port=${rb.port} pool_size=${p("resultBackendPoolSize")} ${opt("extraIniResultBackend")}`,
    "",
    "[pgbouncer]",
    "pool_mode = transaction",
    `listen_port = ${String(getPath(s.values, "ports.pgbouncer"))}`,
    "listen_addr = *",
    `auth_type = ${p("auth_type")}`,
    `auth_file = ${p("auth_file")}`,
    `stats_users = ${m.user}`,
    "ignore_startup_parameters = extra_float_digits",
    `max_client_conn = ${p("maxClientConn")}`,
    `verbose = ${p("verbose")}`,
    `log_disconnections = ${p("logDisconnections")}`,
    `log_connections = ${p("logConnections")}`,
    "",
    `server_tls_sslmode = ${p("sslmode")}`,
    `server_tls_ciphers = ${p("ciphers")}`,
  ];
  if (opt("ssl.ca")) lines.push("server_tls_ca_file = /etc/pgbouncer/root.crt");
  if (opt("ssl.cert")) lines.push("server_tls_cert_file = /etc/pgbouncer/server.crt");
  if (opt("ssl.key")) lines.push("server_tls_key_file = /etc/pgbouncer/server.key");
  if (opt("extraIni")) lines.push(opt("extraIni"));
  return lines.join("\n");
}

/** pgbouncer_users (_helpers.yaml): metadata and result-backend users, `quote`d. */
export function pgbouncerUsers(s: AirflowSettings): string {
  const m = connection(s, "metadataConnection");
  const rb = connection(s, "resultBackendConnection");
  return `\n${goQuote(m.user)} ${goQuote(m.pass)}\n${goQuote(rb.user)} ${goQuote(rb.pass)}`;
}

/** secrets/extra-secrets.yaml and configmaps/extra-configmaps.yaml: hooks unless `useHelmHooks: false`. */
function extraObjects(s: AirflowSettings, ref: ReleaseRef, kind: "Secret" | "ConfigMap"): RenderedObject[] {
  const all = asMap(s.values[kind === "Secret" ? "extraSecrets" : "extraConfigMaps"]) ?? {};
  const out: RenderedObject[] = [];
  for (const [rawName, content] of Object.entries(all)) {
    if (!isMap(content)) continue;
    const useHooks = !("useHelmHooks" in content) || truthy(content.useHelmHooks);
    const annotations = {
      ...(useHooks ? PRE_INSTALL_UPGRADE : {}),
      ...((asMap(content.annotations) as Record<string, string>) ?? {}),
    };
    const labels = { ...chartLabels(s, undefined), ...((asMap(content.labels) as Record<string, string>) ?? {}) };
    const obj: KObject = { apiVersion: "v1", kind, metadata: meta(ref, tpl(s, rawName), labels, annotations) };
    const data = typeof content.data === "string" ? (parseYaml(tpl(s, content.data)) as unknown) : undefined;
    if (kind === "Secret") {
      if (content.type) obj.type = String(content.type);
      if (isMap(data)) obj.data = data;
      const stringData =
        typeof content.stringData === "string" ? (parseYaml(tpl(s, content.stringData)) as unknown) : undefined;
      if (isMap(stringData)) obj.stringData = stringData;
    } else if (isMap(data)) obj.data = data;
    const file = kind === "Secret" ? "secrets/extra-secrets.yaml" : "configmaps/extra-configmaps.yaml";
    out.push({ source: src(file), object: obj });
  }
  return out;
}
