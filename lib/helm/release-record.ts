// Decode one Helm release record (a Secret `sh.helm.release.v1.<release>.v<N>`, type `helm.sh/release.v1`) into a
// typed record. Pure: no I/O; the caller reads the Secret.
//
// The encoding, from helm/helm `pkg/storage/driver/util.go` (encodeRelease/decodeRelease) and `secrets.go`
// (newSecretsObject): Helm stores `base64(gzip(json(release)))` in `data.release`, and the Kubernetes API base64-encodes
// Secret data once more, so a GET returns base64(base64(gzip(json))). decodeRelease skips gunzip when the gzip magic
// bytes 1f 8b 08 are absent (records written before compression).
// Field names, from `pkg/release/release.go`, `info.go`, `hook.go` and `pkg/chart/chart.go` (json tags): name,
// namespace, version, info {first_deployed, last_deployed, deleted, description, status, notes}, chart {metadata
// {name, version, appVersion}, values, templates, files}, config, manifest, hooks [{name, kind, path, manifest, events,
// last_run {started_at, completed_at, phase}, weight, delete_policies}]. Go's encoding/json matches keys
// case-insensitively, and early Helm 3 builds wrote `Description`, so both spellings are read.
// `info.notes` (NOTES.txt, which the Airflow chart fills with the default user's password) and `chart.values`/
// `templates`/`files` are deliberately not kept.
import { gunzipSync } from "node:zlib";
import { parseAllDocuments } from "yaml";

/** Largest decompressed release JSON we accept (a Secret holds at most 1 MiB; gzip can expand it a lot). */
export const MAX_RELEASE_BYTES = 32 * 1024 * 1024;
/** Largest `data.release` string we look at (two base64 layers over a ≤ 1 MiB Secret stay far below this). */
const MAX_ENCODED_CHARS = 8 * 1024 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b, 0x08];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** One rendered Kubernetes object, as parsed from the manifest YAML. */
export type ManifestObject = Record<string, unknown>;

export interface HelmHookRecord {
  name: string;
  kind: string;
  /** Chart-relative template path, e.g. `airflow/templates/secrets/fernetkey-secret.yaml`. */
  path: string;
  /** `pre-install`, `post-upgrade`, … (Helm's HookEvent values). */
  events: string[];
  weight: number;
  deletePolicies: string[];
  lastRun?: { phase?: string; startedAt?: string; completedAt?: string };
  /** The hook's rendered object (null when its manifest holds no object). */
  object: ManifestObject | null;
}

export interface HelmReleaseRecord {
  name: string;
  namespace: string;
  version: number;
  /** Helm status: deployed, superseded, failed, pending-install, pending-upgrade, pending-rollback, uninstalling, … */
  status: string;
  description: string;
  firstDeployed?: string;
  lastDeployed?: string;
  deleted?: string;
  chart: { name: string; version: string; appVersion?: string };
  /** User-supplied values (Helm's `config`: what Flux composed from spec.values and valuesFrom). */
  config: Record<string, unknown>;
  manifestObjects: ManifestObject[];
  /** The `# Source:` template path of each manifest object (same index; "" when unknown). */
  manifestSources: string[];
  hooks: HelmHookRecord[];
}

/** A record that cannot be decoded; the message never quotes the payload. */
export class HelmRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HelmRecordError";
  }
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** Go zero times and empty strings mean "not set" (Helm v4 writes "" for unset times). */
function time(v: unknown): string | undefined {
  if (typeof v !== "string" || v === "" || v.startsWith("0001-01-01")) return undefined;
  return v;
}

function strictBase64(s: string, what: string): Buffer {
  const compact = s.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw new HelmRecordError(`${what} is not base64`);
  return Buffer.from(compact, "base64");
}

function gunzip(buf: Buffer): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: MAX_RELEASE_BYTES });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)
      throw new HelmRecordError(`release payload is larger than ${MAX_RELEASE_BYTES} bytes once decompressed`);
    throw new HelmRecordError("release payload is not valid gzip");
  }
}

/** The release JSON from the Helm storage string (`base64(gzip(json))`, or `base64(json)` for old records). */
export function releaseJsonFromHelmString(helmEncoded: string): Buffer {
  const raw = strictBase64(helmEncoded, "Helm release payload");
  const zipped = raw.length >= 3 && GZIP_MAGIC.every((b, i) => raw[i] === b);
  const json = zipped ? gunzip(raw) : raw;
  if (json.length > MAX_RELEASE_BYTES)
    throw new HelmRecordError(`release payload is larger than ${MAX_RELEASE_BYTES} bytes`);
  return json;
}

function yamlObjects(text: string, where: string): { object: ManifestObject; source: string }[] {
  const out: { object: ManifestObject; source: string }[] = [];
  let source = "";
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(docs)) throw new HelmRecordError(`${where} is not valid YAML`);
  docs.forEach((doc, i) => {
    // Helm writes "---\n# Source: <template>\n" before each object; `yaml` attaches it to the document or its contents.
    const contents = doc.contents as { commentBefore?: string | null } | null;
    const comments = `${doc.commentBefore ?? ""}\n${contents?.commentBefore ?? ""}`;
    const m = /(?:^|\n)\s*Source:\s*(\S+)/.exec(comments);
    if (m) source = m[1];
    if (doc.errors.length) {
      // The yaml error message quotes the source text; report the position only.
      const line = doc.errors[0].linePos?.[0]?.line;
      throw new HelmRecordError(`${where}: document ${i + 1} is not valid YAML${line ? ` (line ${line})` : ""}`);
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      throw new HelmRecordError(`${where}: document ${i + 1} could not be read (too many YAML aliases)`);
    }
    if (isMap(value)) out.push({ object: value, source });
  });
  return out;
}

function hookFrom(raw: unknown, index: number): HelmHookRecord {
  if (!isMap(raw)) throw new HelmRecordError(`hook ${index + 1} is not an object`);
  const objects = yamlObjects(str(raw.manifest), `hook ${index + 1} manifest`);
  const lastRun = isMap(raw.last_run)
    ? {
        phase: str(raw.last_run.phase) || undefined,
        startedAt: time(raw.last_run.started_at),
        completedAt: time(raw.last_run.completed_at),
      }
    : undefined;
  return {
    name: str(raw.name),
    kind: str(raw.kind),
    path: str(raw.path),
    events: Array.isArray(raw.events) ? raw.events.filter((e): e is string => typeof e === "string") : [],
    weight: typeof raw.weight === "number" ? raw.weight : 0,
    deletePolicies: Array.isArray(raw.delete_policies)
      ? raw.delete_policies.filter((e): e is string => typeof e === "string")
      : [],
    lastRun: lastRun && (lastRun.phase || lastRun.startedAt) ? lastRun : undefined,
    object: objects[0]?.object ?? null,
  };
}

/** Build the typed record from Helm's release JSON (already decompressed). */
export function recordFromReleaseJson(json: Buffer | string): HelmReleaseRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof json === "string" ? json : json.toString("utf8"));
  } catch {
    // JSON.parse messages quote the input; do not pass them on.
    throw new HelmRecordError("release payload is not JSON");
  }
  if (!isMap(parsed)) throw new HelmRecordError("release JSON is not an object");
  const name = str(parsed.name);
  if (!name) throw new HelmRecordError("release JSON has no name");
  const version = parsed.version;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1)
    throw new HelmRecordError("release JSON has no valid version");
  const info = isMap(parsed.info) ? parsed.info : {};
  const chart = isMap(parsed.chart) ? parsed.chart : {};
  const meta = isMap(chart.metadata) ? chart.metadata : {};
  if (parsed.config !== undefined && parsed.config !== null && !isMap(parsed.config))
    throw new HelmRecordError("release config is not an object");
  if (parsed.manifest !== undefined && typeof parsed.manifest !== "string")
    throw new HelmRecordError("release manifest is not a string");
  if (parsed.hooks !== undefined && parsed.hooks !== null && !Array.isArray(parsed.hooks))
    throw new HelmRecordError("release hooks is not a list");
  const manifest = yamlObjects(str(parsed.manifest), "manifest");
  return {
    name,
    namespace: str(parsed.namespace),
    version,
    status: str(info.status) || "unknown",
    description: str(info.description) || str(info.Description),
    firstDeployed: time(info.first_deployed),
    lastDeployed: time(info.last_deployed),
    deleted: time(info.deleted),
    chart: { name: str(meta.name), version: str(meta.version), appVersion: str(meta.appVersion) || undefined },
    config: isMap(parsed.config) ? parsed.config : {},
    manifestObjects: manifest.map((m) => m.object),
    manifestSources: manifest.map((m) => m.source),
    hooks: ((parsed.hooks as unknown[] | null | undefined) ?? []).map(hookFrom),
  };
}

/** Decode `data.release` exactly as the API returns it (base64 of Helm's base64-of-gzip string). */
export function decodeReleaseData(apiData: string): HelmReleaseRecord {
  if (apiData.length > MAX_ENCODED_CHARS) throw new HelmRecordError("data.release is too large");
  const helmEncoded = strictBase64(apiData, "data.release").toString("latin1");
  return recordFromReleaseJson(releaseJsonFromHelmString(helmEncoded));
}

/** Decode a release Secret as returned by `GET /api/v1/namespaces/<ns>/secrets/<name>`. */
export function decodeReleaseSecret(secret: unknown): HelmReleaseRecord {
  if (!isMap(secret) || secret.kind !== "Secret") throw new HelmRecordError("not a Secret");
  if (secret.type !== "helm.sh/release.v1") throw new HelmRecordError("not a Helm release record (type is not helm.sh/release.v1)");
  const data = isMap(secret.data) ? secret.data : {};
  if (typeof data.release !== "string" || data.release === "") throw new HelmRecordError("Secret has no data.release");
  return decodeReleaseData(data.release);
}
