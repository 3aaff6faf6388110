// Uniqueness of `x-kubernetes-list-type: set` items and `map` keys (apiextensions-apiserver
// pkg/apiserver/schema/listtype/validation.go): every repeated item (or key) is a Duplicate value at its index.
import { isPlainObject, type JsonMap } from "../store/object-utils";
import { fieldErr, type FieldError } from "./field-error";
import type { SchemaNode } from "./schema-node";

/** Canonical text of a JSON value for equality (object keys sorted, as json.Marshal of a map does). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(",")}}`;
  }
  return typeof v === "number" ? `n:${v}` : JSON.stringify(v ?? null);
}

/** Indices of the second occurrence of each repeated value (later repeats are not reported again). */
function nonUnique(values: unknown[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  values.forEach((v, i) => {
    const key = canonical(v);
    const times = seen.get(key) ?? 0;
    seen.set(key, times + 1);
    if (times === 1) out.push(i);
  });
  return out;
}

function validateArray(path: string, s: SchemaNode, obj: unknown[], errs: FieldError[]): void {
  if (s.listType === "set") {
    for (const i of nonUnique(obj)) errs.push(fieldErr.duplicate(`${path}[${i}]`, obj[i]));
  } else if (s.listType === "map") {
    const notObject = obj.findIndex((x) => x !== null && !isPlainObject(x));
    if (notObject >= 0) {
      errs.push(
        fieldErr.invalid(`${path}[${notObject}]`, obj[notObject], "must be an object for an array of list-type map"),
      );
    } else if (obj.length > 1) {
      const keyFields = s.listMapKeys ?? [];
      const keys = obj.map((x) => {
        const key: JsonMap = {};
        if (isPlainObject(x)) for (const f of keyFields) if (x[f] !== undefined) key[f] = x[f];
        return key;
      });
      for (const i of nonUnique(keys)) errs.push(fieldErr.duplicate(`${path}[${i}]`, keys[i]));
    }
  }
  if (s.items) obj.forEach((item, i) => validateValue(`${path}[${i}]`, s.items, item, errs));
}

function validateValue(path: string, s: SchemaNode | undefined, value: unknown, errs: FieldError[]): void {
  if (!s) return;
  if (Array.isArray(value)) validateArray(path, s, value, errs);
  else if (isPlainObject(value)) validateObject(path, s, value, errs);
}

function validateObject(path: string | undefined, s: SchemaNode, obj: JsonMap, errs: FieldError[]): void {
  for (const [k, v] of Object.entries(obj)) {
    const prop = s.properties?.get(k);
    if (prop) validateValue(path ? `${path}.${k}` : k, prop, v, errs);
    else if (s.additionalProperties) validateValue(`${path ?? "<nil>"}[${k}]`, s.additionalProperties, v, errs);
  }
}

/** ValidateListSetsAndMaps on a whole object. */
export function validateListTypes(root: SchemaNode, obj: JsonMap): FieldError[] {
  const errs: FieldError[] = [];
  validateObject(undefined, root, obj, errs);
  return errs;
}
