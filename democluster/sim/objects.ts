// Small typed accessors over KObject (whose spec/status are `any` by contract) and JSON helpers.
import type { KObject, OwnerReference } from "../store/types";

export type JsonMap = Record<string, unknown>;

export function isMap(value: unknown): value is JsonMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asMap(value: unknown): JsonMap | undefined {
  return isMap(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function asBool(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asMaps(value: unknown): JsonMap[] {
  return asArray(value).filter(isMap);
}

/** Reads a nested path ("spec.chart.spec.version" or ["spec", "chart"]). */
export function getPath(obj: unknown, path: string | readonly string[]): unknown {
  const parts = typeof path === "string" ? path.split(".") : path;
  let cur: unknown = obj;
  for (const p of parts) {
    if (!isMap(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export function specOf(obj: KObject): JsonMap {
  return asMap(obj.spec) ?? {};
}

export function statusOf(obj: KObject): JsonMap {
  return asMap(obj.status) ?? {};
}

export function annotation(obj: KObject, name: string): string | undefined {
  return obj.metadata.annotations?.[name];
}

export function label(obj: KObject, name: string): string | undefined {
  return obj.metadata.labels?.[name];
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ao = a as JsonMap;
  const bo = b as JsonMap;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** Deep merge: maps merge recursively, everything else (lists, scalars) from `over` wins. Returns a new value. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isMap(base) || !isMap(over)) return over === undefined ? clone(base) : clone(over);
  const out: JsonMap = clone(base);
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isMap(v) && isMap(out[k]) ? deepMerge(out[k], v) : clone(v);
  }
  return out;
}

export function objKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function controllerOf(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller);
}

export function ownerRefTo(owner: KObject, controller = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? "",
    controller,
    blockOwnerDeletion: true,
  };
}

export function isDeleting(obj: KObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

export function generationOf(obj: KObject): number {
  return obj.metadata.generation ?? 1;
}

/** Kubernetes metav1.Time (second precision, UTC). */
export function nowTime(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function matchesLabels(
  labels: Record<string, string> | undefined,
  selector: Record<string, string> | undefined,
): boolean {
  if (!selector) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return true;
  return entries.every(([k, v]) => labels?.[k] === v);
}

export function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

export function unbase64(text: string): string {
  return Buffer.from(text, "base64").toString("utf8");
}
