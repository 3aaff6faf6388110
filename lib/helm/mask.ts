// Make a decoded Helm release record safe to keep and show (SECURITY.md S11: Secret values never leave the server).
// Pure. What is hidden:
// - rendered Secrets (manifest and hooks): every `data`/`stringData` value; key names stay;
// - values at secret paths of `config`: the Airflow chart's (secret-paths.ts), the caller's (values that came from a
//   valuesFrom Secret) and sensitive `config.<section>.<key>` Airflow settings;
// - env `value`s whose name looks secret (PASSWORD, SECRET, TOKEN, KEY, CONN, …), in config and rendered objects;
// - the argument after `-p`/`--password` in container args/command (the chart's create-user Job passes the default
//   user's password there: charts/airflow/1.18.0/values.yaml `createUserJob.args`);
// - every URL's userinfo, in every string;
// - every occurrence of a secret value found above, of a rendered Secret value and of a caller's `secretStrings`
//   entry, in every string.
import type { HelmHookRecord, HelmReleaseRecord, ManifestObject } from "./release-record";
import { MASK_MARKER, MIN_SECRET_LENGTH, mapStrings, secretReplacer, stripUrlUserinfo, urlSecrets } from "./mask-strings";
import { AIRFLOW_SECRET_VALUE_PATHS, hideLeaves, isSet, leafStrings, sensitiveConfigPaths, visitPath } from "./secret-paths";

export { MASK_MARKER } from "./mask-strings";

export interface MaskOptions {
  /** Values paths (Helm `--set` syntax, `*` wildcard) whose values came from a Secret, e.g. a valuesFrom targetPath. */
  secretValuePaths: string[];
  /** Secret values known to the caller (e.g. from valuesFrom Secrets); replaced wherever they occur. */
  secretStrings: string[];
}

const SECRET_ENV_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CONN|CREDENTIAL/i;
const PASSWORD_FLAGS = new Set(["-p", "--password", "--pass"]);
/** Values taken from rendered Secrets are replaced elsewhere only from this length (short ones are often "true"). */
const MIN_DERIVED_LENGTH = 8;

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hideSecretEnv(env: unknown[], found: string[]): unknown[] {
  return env.map((e) => {
    if (!isMap(e) || typeof e.name !== "string" || !SECRET_ENV_NAME.test(e.name) || !isSet(e.value)) return e;
    found.push(...leafStrings(e.value));
    return { ...e, value: MASK_MARKER };
  });
}

function hidePasswordArgs(args: unknown[], found: string[]): unknown[] {
  return args.map((a, i) => {
    if (typeof a !== "string") return a;
    const prev = args[i - 1];
    if (typeof prev === "string" && PASSWORD_FLAGS.has(prev) && a !== "") {
      found.push(a);
      return MASK_MARKER;
    }
    const m = /^(--pass(?:word)?=)(.+)$/.exec(a);
    if (m) {
      found.push(m[2]);
      return `${m[1]}${MASK_MARKER}`;
    }
    return a;
  });
}

function decoded(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const text = Buffer.from(v, "base64").toString("utf8");
  return text.includes("\uFFFD") ? undefined : text;
}

function hideSecretData(node: Record<string, unknown>, found: string[], derived: string[]): Record<string, unknown> {
  const out = { ...node };
  for (const field of ["data", "stringData"] as const) {
    const values = node[field];
    if (!isMap(values)) continue;
    out[field] = Object.fromEntries(
      Object.entries(values).map(([k, v]) => {
        if (typeof v === "string") {
          found.push(v);
          const plain = field === "data" ? decoded(v) : v;
          if (plain !== undefined) derived.push(plain);
        }
        return [k, isSet(v) ? MASK_MARKER : v];
      }),
    );
  }
  return out;
}

/** Structural rules for a rendered object: Secret data, secret env values, password arguments. */
function hideInObject(value: unknown, found: string[], derived: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => hideInObject(v, found, derived));
  if (!isMap(value)) return value;
  let node = value;
  if (node.kind === "Secret" && (isMap(node.data) || isMap(node.stringData))) node = hideSecretData(node, found, derived);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "env" && Array.isArray(v)) out[k] = hideInObject(hideSecretEnv(v, found), found, derived);
    else if ((k === "args" || k === "command") && Array.isArray(v)) out[k] = hidePasswordArgs(v, found);
    else out[k] = hideInObject(v, found, derived);
  }
  return out;
}

/** Secret env values anywhere in the values (`env`, `workers.env`, … are lists of {name, value}). */
function hideEnvInValues(value: unknown, found: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => hideEnvInValues(v, found));
  if (!isMap(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === "env" && Array.isArray(v) ? hideSecretEnv(v, found) : hideEnvInValues(v, found),
    ]),
  );
}

function hideConfig(config: Record<string, unknown>, options: MaskOptions, found: string[]): Record<string, unknown> {
  const copy = structuredClone(config);
  const paths = [...AIRFLOW_SECRET_VALUE_PATHS, ...options.secretValuePaths, ...sensitiveConfigPaths(copy)];
  for (const path of paths) {
    visitPath(copy, path, (container, key) => {
      const v = (container as Record<string | number, unknown>)[key];
      if (!isSet(v)) return;
      found.push(...leafStrings(v));
      (container as Record<string | number, unknown>)[key] = hideLeaves(v, MASK_MARKER);
    });
  }
  return hideEnvInValues(copy, found) as Record<string, unknown>;
}

function collectUrlSecrets(value: unknown, found: string[]): void {
  mapStrings(value, (s) => {
    found.push(...urlSecrets(s));
    return s;
  });
}

/** A copy of `record` with every secret value hidden (see the file comment). The input is not modified. */
export function maskRecord(record: HelmReleaseRecord, options: MaskOptions): HelmReleaseRecord {
  const found: string[] = [...options.secretStrings];
  const derived: string[] = [];
  const config = hideConfig(record.config, options, found);
  const manifestObjects = record.manifestObjects.map((o) => hideInObject(o, found, derived) as ManifestObject);
  const hookObjects = record.hooks.map((h) => (h.object ? (hideInObject(h.object, found, derived) as ManifestObject) : null));
  collectUrlSecrets([record.config, record.manifestObjects, record.hooks.map((h) => h.object), record.description], found);

  const replace = secretReplacer([
    ...found.filter((s) => s.length >= MIN_SECRET_LENGTH),
    ...derived.filter((s) => s.length >= MIN_DERIVED_LENGTH),
  ]);
  const clean = (s: string) => (s === MASK_MARKER ? s : replace(stripUrlUserinfo(s)));
  const hooks: HelmHookRecord[] = record.hooks.map((h, i) => ({
    ...h,
    object: hookObjects[i] ? (mapStrings(hookObjects[i], clean) as ManifestObject) : null,
  }));
  return {
    ...record,
    description: clean(record.description),
    chart: { ...record.chart },
    config: mapStrings(config, clean) as Record<string, unknown>,
    manifestObjects: manifestObjects.map((o) => mapStrings(o, clean) as ManifestObject),
    manifestSources: [...record.manifestSources],
    hooks,
  };
}
