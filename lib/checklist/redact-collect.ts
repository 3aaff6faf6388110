// Which strings of one evaluation are secrets (pure): every value that came from a `valuesFrom` Secret, every
// value at one of the chart's secret values paths, secret-looking Airflow settings and env vars, and the
// credentials inside any URL or connection string of the values. Chart defaults and object names are public.

import { parse as parseYaml } from "yaml";
import type { EvalContext } from "./context";
import { credentialsIn, fromSecret, HIDDEN, isReferencePath } from "./redact-text";
import { MIN_FORM_LENGTH, type SecretString } from "./redact-values";
import type { ChecklistSnapshot } from "./snapshot";
import { getPath, isMap, type ValuesLayer } from "./values";

/**
 * Values paths of the Airflow chart that hold a secret itself (charts/airflow/1.19.0/values.yaml: fernetKey l.555,
 * apiSecretKey l.561, jwtSecret l.567, webserverSecretKey l.573, data.metadataConnection l.525,
 * data.brokerUrl l.549, kerberos.keytabBase64Content l.606, webserver.defaultUser l.1402, flower.password l.2551,
 * redis.password l.3008, registry/elasticsearch/opensearch.connection l.3059–3093, postgresql.auth l.3279;
 * dags.gitSync.sshKey is the commented example at l.3473).
 */
export const SECRET_VALUE_PATHS: readonly string[] = [
  "fernetKey",
  "webserverSecretKey",
  "apiSecretKey",
  "jwtSecret",
  "data.metadataConnection.pass",
  "data.resultBackendConnection.pass",
  "data.brokerUrl",
  "redis.password",
  "dags.gitSync.sshKey",
  "elasticsearch.connection.pass",
  "opensearch.connection.pass",
  "registry.connection.pass",
  "flower.password",
  "webserver.defaultUser.password",
  "createUserJob.defaultUser.password",
  "kerberos.keytabBase64Content",
  "postgresql.auth.postgresPassword",
  "postgresql.auth.password",
];

/** `config.<section>.<key>` keys whose value is a secret (airflow.cfg: sql_alchemy_conn, fernet_key, smtp_password …). */
const SECRET_CONFIG_KEY =
  /password|passwd|secret|token|credential|fernet_key|sql_alchemy_conn|broker_url|result_backend|backend_kwargs|api_key|access_key|_conn$/i;
/** Env var names whose value is a secret (AIRFLOW__DATABASE__SQL_ALCHEMY_CONN, AIRFLOW_CONN_*, *_PASSWORD …). */
const SECRET_ENV_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|FERNET|_CONN$|^AIRFLOW_CONN_|_KEY$/i;
const ENV_PATHS = [
  "env",
  "scheduler.env",
  "apiServer.env",
  "webserver.env",
  "workers.env",
  "triggerer.env",
  "dagProcessor.env",
];
const PEM_ARMOR = /^-----(BEGIN|END) /;

type Visit = (path: string, value: string) => void;

function walk(value: unknown, path: string, visit: Visit): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`, visit));
  else if (isMap(value)) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, visit);
}

function layerLeaves(layer: ValuesLayer, visit: Visit): void {
  if (layer.targetPath !== undefined) walk(layer.targetValue, layer.targetPath, visit);
  else walk(layer.values, "", visit);
}

function characterClasses(s: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
}

/** Strings that are no secret wherever they appear: chart defaults, names of the objects evaluated, booleans. */
function publicStrings(ctx: EvalContext, snapshot: ChecklistSnapshot): Set<string> {
  const out = new Set(["True", "False", "true", "false", "None", "null", ctx.releaseName, ctx.namespace]);
  for (const l of ctx.layers) if (l.kind === "defaults") layerLeaves(l, (_p, v) => out.add(v.trim()));
  const objects = [
    snapshot.release,
    ...snapshot.workloads,
    ...snapshot.pods,
    ...snapshot.services,
    ...snapshot.configMaps,
    ...snapshot.externalSecrets,
    ...snapshot.stores,
  ];
  for (const o of objects) out.add(o.metadata.name);
  for (const s of snapshot.secrets) out.add(s.name);
  return out;
}

/** A YAML string of the chart (`extraEnv`, `extraSecrets.*.stringData`) as data; undefined when it does not parse. */
function yamlData(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  try {
    return parseYaml(raw) as unknown;
  } catch {
    return undefined;
  }
}

function envSecrets(ctx: EvalContext, visit: Visit): void {
  for (const path of [...ENV_PATHS, "extraEnv"]) {
    const list = yamlData(ctx.get(path));
    if (!Array.isArray(list)) continue;
    list.filter(isMap).forEach((e, i) => {
      if (typeof e.name === "string" && SECRET_ENV_NAME.test(e.name) && typeof e.value === "string")
        visit(`${path}.${i}.value`, e.value);
    });
  }
}

/** `extraSecrets.<name>.data` / `.stringData`: YAML text the chart renders into a Secret (values.yaml l.446). */
function extraSecrets(ctx: EvalContext, visit: Visit): void {
  const extra = getPath(ctx.user, "extraSecrets");
  if (!isMap(extra)) return;
  for (const [name, spec] of Object.entries(extra)) {
    if (!isMap(spec)) continue;
    for (const key of ["data", "stringData"]) {
      const path = `extraSecrets.${name}.${key}`;
      walk(spec[key], path, visit);
      const parsed = yamlData(spec[key]);
      if (typeof parsed !== "string") walk(parsed, path, visit);
    }
  }
}

function configSecrets(ctx: EvalContext, visit: Visit): void {
  const config = getPath(ctx.user, "config");
  if (!isMap(config)) return;
  for (const [section, keys] of Object.entries(config)) {
    if (!isMap(keys)) continue;
    for (const [key, v] of Object.entries(keys))
      if (SECRET_CONFIG_KEY.test(key)) walk(v, `config.${section}.${key}`, visit);
  }
}

/** The secret strings of one evaluation, each with the phrase that replaces it (Secret origins first). */
export function collectSecrets(ctx: EvalContext, snapshot: ChecklistSnapshot): SecretString[] {
  const open = publicStrings(ctx, snapshot);
  const out: SecretString[] = [];
  const add = (value: string, label: string, strict: boolean) => {
    const v = value.trim();
    if (v.length < MIN_FORM_LENGTH || open.has(v)) return;
    // A short one-class word (main, dags, none) from a values Secret is too common to hide everywhere; evidence
    // naming its origin still hides it (redact-text.ts hideSecretOrigins).
    if (strict && v.length < 8 && characterClasses(v) < 2) return;
    out.push({ value: v, label });
  };
  const addWithParts = (value: string, label: string, strict: boolean) => {
    add(value, label, strict);
    for (const line of value.split(/\r?\n/))
      if (line.trim().length >= 16 && !PEM_ARMOR.test(line.trim())) add(line, label, false);
    // A credential inside a longer string becomes "***", so a URL around it still parses and loses its userinfo.
    for (const c of credentialsIn(value)) add(c, HIDDEN, false);
  };
  for (const layer of ctx.layers) {
    if (layer.kind !== "Secret") continue;
    const name = /^Secret\/(\S+)/.exec(layer.label)?.[1] ?? "?";
    layerLeaves(layer, (path, v) => {
      if (!isReferencePath(path)) addWithParts(v, fromSecret(name), true);
    });
  }
  const atPath: Visit = (path, v) => addWithParts(v, `(value of ${path}, not shown)`, false);
  for (const path of SECRET_VALUE_PATHS) walk(getPath(ctx.user, path), path, atPath);
  extraSecrets(ctx, atPath);
  configSecrets(ctx, atPath);
  envSecrets(ctx, atPath);
  walk(ctx.user, "", (_path, v) => {
    for (const c of credentialsIn(v)) add(c, HIDDEN, false);
  });
  return out;
}
