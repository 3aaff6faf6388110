// Canonical JSON (sorted keys, no undefined) and sha256 digests over it. Pure computation.

import { createHash } from "node:crypto";

/** JSON-compatible value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonicalize(value: unknown): Json | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return value.toString();
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (Array.isArray(value)) return value.map((v) => canonicalize(v) ?? null);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value as object).sort()) {
    const v = canonicalize((value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Serialize with object keys sorted at every level and `undefined` fields dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value) ?? null);
}

/** `sha256:<hex>` over the canonical JSON of `value`. */
export function sha256OfJson(value: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value)).digest("hex")}`;
}

/** Plain sha256 hex of a string (used for Helm release-name shortening). */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
