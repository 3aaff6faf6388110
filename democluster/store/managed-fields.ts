// metadata.managedFields bookkeeping: one entry per (manager, operation, subresource). fieldsV1 is a tree of
// "f:<key>" maps down to the touched leaves (lists are leaves), e.g.
// {"f:metadata":{"f:annotations":{"f:reconcile.fluxcd.io/requestedAt":{}}}}.
import type { KObject, ManagedFieldsEntry } from "./types";
import { deepEqual, isPlainObject, nowTimestamp, type JsonMap } from "./object-utils";

type FieldTree = Record<string, unknown>;

const MAX_DEPTH = 8;
const SYSTEM_METADATA = new Set([
  "name",
  "namespace",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "managedFields",
  "generateName",
]);

/** Whole tree of fields present in value (used for create). */
function fullTree(value: JsonMap, depth: number): FieldTree {
  const tree: FieldTree = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    tree[`f:${k}`] = isPlainObject(v) && depth < MAX_DEPTH ? fullTree(v, depth + 1) : {};
  }
  return tree;
}

/** Changed/added paths go to `touched`; removed paths go to `removed`. */
function diffTree(before: unknown, after: unknown, depth: number, touched: FieldTree, removed: FieldTree): void {
  const a = isPlainObject(before) ? before : {};
  const b = isPlainObject(after) ? after : {};
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined || deepEqual(a[k], v)) continue;
    const key = `f:${k}`;
    if (isPlainObject(v) && isPlainObject(a[k]) && depth < MAX_DEPTH) {
      const t: FieldTree = {};
      const r: FieldTree = {};
      diffTree(a[k], v, depth + 1, t, r);
      if (Object.keys(t).length) touched[key] = t;
      if (Object.keys(r).length) removed[key] = r;
    } else {
      touched[key] = isPlainObject(v) && depth < MAX_DEPTH ? fullTree(v, depth + 1) : {};
    }
  }
  for (const k of Object.keys(a)) {
    if (a[k] !== undefined && b[k] === undefined) removed[`f:${k}`] = {};
  }
}

function topLevel(obj: KObject, subresource: string | undefined): JsonMap {
  const out: JsonMap = {};
  if (subresource === "status") {
    if (obj.status !== undefined) out.status = obj.status;
    return out;
  }
  for (const [k, v] of Object.entries(obj)) {
    if (k === "apiVersion" || k === "kind" || k === "status") continue;
    if (k === "metadata") {
      const meta: JsonMap = {};
      for (const [mk, mv] of Object.entries(obj.metadata)) if (!SYSTEM_METADATA.has(mk)) meta[mk] = mv;
      if (Object.keys(meta).length) out.metadata = meta;
      continue;
    }
    out[k] = v;
  }
  return out;
}

function mergeTrees(into: FieldTree, add: FieldTree): FieldTree {
  for (const [k, v] of Object.entries(add)) {
    const existing = into[k];
    if (isPlainObject(existing) && isPlainObject(v) && Object.keys(v).length && Object.keys(existing).length) {
      mergeTrees(existing, v);
    } else if (!isPlainObject(existing) || Object.keys(v as FieldTree).length === 0) {
      into[k] = isPlainObject(v) ? structuredClone(v) : {};
    }
  }
  return into;
}

/** Removes every leaf of `remove` from `tree`; prunes maps that become empty. */
function subtractTree(tree: FieldTree, remove: FieldTree): void {
  for (const [k, v] of Object.entries(remove)) {
    if (!(k in tree)) continue;
    const sub = tree[k];
    if (isPlainObject(v) && Object.keys(v).length && isPlainObject(sub) && Object.keys(sub).length) {
      subtractTree(sub, v);
      if (Object.keys(sub).length === 0) delete tree[k];
    } else {
      delete tree[k];
    }
  }
}

export interface ManagedFieldsInput {
  before: KObject | undefined; // undefined for create
  after: KObject;
  manager: string;
  apiVersion: string;
  subresource?: string;
}

/** Returns the new managedFields list for `after` (does not mutate the inputs). */
export function updateManagedFields(input: ManagedFieldsInput): ManagedFieldsEntry[] {
  const { before, after, manager, apiVersion, subresource } = input;
  const afterFields = topLevel(after, subresource);
  let touched: FieldTree = {};
  const removed: FieldTree = {};
  if (before === undefined) touched = fullTree(afterFields, 0);
  else diffTree(topLevel(before, subresource), afterFields, 0, touched, removed);

  const previous = structuredClone(before?.metadata.managedFields ?? []);
  const entries: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  for (const entry of previous) {
    const isMine = entry.manager === manager && entry.operation === "Update" && entry.subresource === subresource;
    if (isMine) mine = entry;
    else {
      subtractTree(entry.fieldsV1, touched);
      subtractTree(entry.fieldsV1, removed);
    }
    if (isMine || Object.keys(entry.fieldsV1).length) entries.push(entry);
  }
  if (Object.keys(touched).length === 0 && Object.keys(removed).length === 0) return entries;
  const time = nowTimestamp();
  if (!mine) {
    mine = { manager, operation: "Update", apiVersion, time, fieldsType: "FieldsV1", fieldsV1: {} };
    if (subresource) mine.subresource = subresource;
    entries.push(mine);
  }
  subtractTree(mine.fieldsV1, removed);
  mergeTrees(mine.fieldsV1, touched);
  mine.time = time;
  mine.apiVersion = apiVersion;
  return entries.filter((e) => e === mine || Object.keys(e.fieldsV1).length > 0);
}
