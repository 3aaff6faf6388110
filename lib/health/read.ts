// Narrowing helpers for the loosely typed `spec` / `status` of a KubeObject (Record<string, unknown>).
// Pure: no I/O. Shared by lib/health and lib/graph.

/** A plain JSON object. */
export type Rec = Record<string, unknown>;

/** True when `v` is a non-null, non-array object. */
export function isRec(v: unknown): v is Rec {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `v` as an object, or undefined. */
export function rec(v: unknown): Rec | undefined {
  return isRec(v) ? v : undefined;
}

/** `v` as a non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** `v` as a finite number, or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** `v` as a boolean, or undefined. */
export function bool(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

/** `v` as an array (empty when it is not one). */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `v` as an array of objects (non-objects dropped). */
export function recs(v: unknown): Rec[] {
  return arr(v).filter(isRec);
}

/** Walks `keys` from `root`, returning undefined as soon as a step is not an object. */
export function at(root: unknown, ...keys: string[]): unknown {
  let cur: unknown = root;
  for (const k of keys) {
    if (!isRec(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Walks a dotted path ("data.metadataSecretName") from `root`. */
export function atPath(root: unknown, dotted: string): unknown {
  return at(root, ...dotted.split("."));
}
