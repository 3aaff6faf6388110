// Digests used by the simulated controllers: stable JSON, sha256/md5/sha3-224 hex, template hashes.
import { createHash } from "node:crypto";
import { hashSeed, safeEncode } from "./random";

/** JSON with object keys sorted, so equal values always hash the same. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function md5Hex(text: string): string {
  return createHash("md5").update(text).digest("hex");
}

export function sha3Hex(text: string): string {
  return createHash("sha3-224").update(text).digest("hex");
}

/** Go's json.Encoder output: object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped, a trailing newline. */
export function goJsonEncode(value: unknown): string {
  const escaped = stableStringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `${escaped}\n`;
}

/** helm-controller's config digest (fluxcd/pkg chartutil.DigestValues): sha256 of the JSON-encoded values; empty
 *  values digest as nothing. */
export function valuesDigest(values: unknown): string {
  const empty =
    values === null || values === undefined || (typeof values === "object" && Object.keys(values).length === 0);
  return `sha256:${sha256Hex(empty ? "" : goJsonEncode(values))}`;
}

/** pod-template-hash / controller-revision-hash style: 10 chars from the safe alphabet. */
export function templateHash(template: unknown): string {
  return safeEncode(hashSeed(stableStringify(template)), 10);
}
