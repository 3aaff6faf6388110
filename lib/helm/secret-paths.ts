// Where the Airflow chart's values carry secret material, and helpers to find and replace values at such paths.
// Pure. Paths use Helm's `--set` syntax (`a.b\.c[0].d`, as Flux's valuesFrom targetPath); `*` matches every key or
// list item at that level.
import { parseTargetPath } from "@/lib/checklist/target-path";

/**
 * Secret value paths of the Airflow chart 1.16.0–1.19.0 (`charts/airflow/<v>/values.yaml`; line numbers for
 * 1.16.0 / 1.17.0 / 1.18.0 / 1.19.0, "–" where the version has no such value).
 */
export const AIRFLOW_SECRET_VALUE_PATHS: readonly string[] = [
  "fernetKey", // 495 / 549 / 550 / 555
  "webserverSecretKey", // 499 / 555 / 568 / 573
  "apiSecretKey", // – / – / 556 / 561 (1.16/1.17 accept it in the schema and ignore it)
  "jwtSecret", // – / 561 / 562 / 567
  "data.metadataConnection.pass", // 473 / 521 / 522 / 527
  "data.resultBackendConnection.pass", // 480 / 530 / 531 / 536 (`resultBackendConnection: ~`, a map when set)
  "data.brokerUrl", // 491 / 543 / 544 / 549 (redis://:password@host URL)
  "redis.password", // 2463 / 2637 / 2646 / 3008
  "flower.password", // 2053 / 2220 / 2229 / 2551
  "dags.gitSync.sshKey", // commented example 2815 / 2997 / 3006 / 3473
  "registry.connection.pass", // `connection: {}` 2503 / 2680 / 2689 / 3059
  "elasticsearch.connection.pass", // 2519 / 2698 / 2707 / 3077
  "opensearch.connection.pass", // 2535 / 2714 / 2723 / 3093
  "webserver.defaultUser.password", // 1497 / 1662 / 1671 / – (1.19 still reads it when set)
  "createUserJob.defaultUser.password", // – / – / – / 1402
  "apiServer.defaultUser.password", // not in 1.16–1.19; hidden if a later chart or a user sets it
  "kerberos.keytabBase64Content", // 530 / 592 / 601 / 606
  "pgbouncer.ssl.key", // 2294 / 2466 / 2475 / 2832 (private key PEM)
  "postgresql.auth.postgresPassword", // 2633 / 2812 / 2821 / 3281
  "postgresql.auth.password", // 2635 / 2814 / 2823 / 3283
  "postgresql.auth.replicationPassword", // Bitnami subchart value
  "extraSecrets.*.data", // templates/secrets/extra-secrets.yaml: rendered into a Secret's data
  "extraSecrets.*.stringData", // … and stringData
];

/**
 * Airflow settings (`config.<section>.<key>`, rendered into airflow.cfg) whose key names carry secrets — Airflow's
 * own sensitive options (sql_alchemy_conn, fernet_key, broker_url, result_backend, flower_basic_auth, smtp_password,
 * secret_key, jwt_secret, backend_kwargs, sentry_dsn, …) and anything named like a password or token.
 */
const SENSITIVE_CONFIG_KEY =
  /password|passwd|secret|fernet|token|_conn$|sql_alchemy_conn|broker_url|result_backend|basic_auth|_kwargs$|dsn$|private_key|api_key|access_key|credential/i;

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** True for a value that counts as "set" (null, undefined, "" and empty maps/lists are not). */
export function isSet(v: unknown): boolean {
  if (v === null || v === undefined || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/**
 * Visit every container (map or list) + key addressed by `path` inside `root`. The callback may replace
 * `container[key]`.
 */
export function visitPath(
  root: unknown,
  path: string,
  visit: (container: Record<string, unknown> | unknown[], key: string | number) => void,
): void {
  const segments = parseTargetPath(path).map((s) => (s.index !== undefined ? s.index : s.key));
  if (!segments.length) return;
  const walk = (node: unknown, i: number): void => {
    const seg = segments[i];
    const last = i === segments.length - 1;
    const keys: (string | number)[] =
      seg === "*"
        ? Array.isArray(node)
          ? node.map((_, j) => j)
          : isMap(node)
            ? Object.keys(node)
            : []
        : [seg];
    for (const key of keys) {
      if (Array.isArray(node) && typeof key === "number" && key < node.length) {
        if (last) visit(node, key);
        else walk(node[key], i + 1);
      } else if (isMap(node) && typeof key === "string" && Object.hasOwn(node, key)) {
        if (last) visit(node, key);
        else walk(node[key], i + 1);
      }
    }
  };
  walk(root, 0);
}

/** Every string (and number) leaf under `value`, for the global replacement list. */
export function leafStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number" || typeof value === "bigint") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) leafStrings(v, out);
  else if (isMap(value)) for (const v of Object.values(value)) leafStrings(v, out);
  return out;
}

/** `value` with every set scalar leaf replaced by `marker` (maps and lists keep their keys and length). */
export function hideLeaves(value: unknown, marker: string): unknown {
  if (Array.isArray(value)) return value.map((v) => hideLeaves(v, marker));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hideLeaves(v, marker)]));
  return isSet(value) && typeof value !== "boolean" ? marker : value;
}

/** The `config.<section>.<key>` paths whose keys look sensitive, present in these values. */
export function sensitiveConfigPaths(values: Record<string, unknown>): string[] {
  const config = values.config;
  if (!isMap(config)) return [];
  const out: string[] = [];
  for (const [section, entries] of Object.entries(config)) {
    if (!isMap(entries)) continue;
    for (const key of Object.keys(entries))
      if (SENSITIVE_CONFIG_KEY.test(key)) out.push(`config.${section.replace(/\./g, "\\.")}.${key.replace(/\./g, "\\.")}`);
  }
  return out;
}
