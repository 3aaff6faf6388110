// Digests used by the simulated controllers: stable JSON, sha256/md5/sha3-224 hex, template hashes.
import { createHash } from "node:crypto";
import { stringify as yamlStringify } from "yaml";
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

/** Helm-style values digest: "sha256:" of the values as YAML with sorted keys. */
export function valuesDigest(values: unknown): string {
  return `sha256:${sha256Hex(yamlStringify(values ?? {}, { sortMapEntries: true }))}`;
}

/** pod-template-hash / controller-revision-hash style: 10 chars from the safe alphabet. */
export function templateHash(template: unknown): string {
  return safeEncode(hashSeed(stableStringify(template)), 10);
}
