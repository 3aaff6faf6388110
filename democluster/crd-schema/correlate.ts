// Correlating a value with its old value on update (k8s.io/apiserver pkg/cel/common CorrelatedObject): object
// properties and granular map entries by key, items of `x-kubernetes-list-type: map` lists by their map keys;
// items of atomic and set lists have no old value.
import { deepEqual, isPlainObject } from "../store/object-utils";
import type { SchemaNode } from "./schema-node";

export const NO_OLD: unique symbol = Symbol("noOld");
export type Old = unknown;

/** The old value of `key` in `old` (an object), or NO_OLD. */
export function correlatedKey(old: Old, key: string): Old {
  if (!isPlainObject(old) || !Object.prototype.hasOwnProperty.call(old, key) || old[key] === undefined) return NO_OLD;
  return old[key];
}

/** The old item correlated with `item` of a list whose schema is `list`, or NO_OLD. */
export function correlatedItem(list: SchemaNode, old: Old, item: unknown): Old {
  if (list.listType !== "map" || !list.listMapKeys?.length || !Array.isArray(old) || !isPlainObject(item))
    return NO_OLD;
  const keys = list.listMapKeys;
  const found = old.find((o) => isPlainObject(o) && keys.every((k) => deepEqual(o[k], item[k])));
  return found === undefined ? NO_OLD : found;
}
