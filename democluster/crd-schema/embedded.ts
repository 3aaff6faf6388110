// x-kubernetes-embedded-resource values below the root must carry apiVersion and kind
// (apiextensions-apiserver pkg/apiserver/schema/objectmeta/validation.go validateEmbeddedResource).
import { isPlainObject, type JsonMap } from "../store/object-utils";
import { fieldErr, type FieldError } from "./field-error";
import type { SchemaNode } from "./schema-node";

function checkResource(path: string, x: JsonMap, errs: FieldError[]): void {
  if (x.apiVersion === undefined) errs.push(fieldErr.required(`${path}.apiVersion`, "must not be empty"));
  if (x.kind === undefined) errs.push(fieldErr.required(`${path}.kind`, "must not be empty"));
  for (const k of ["apiVersion", "kind"] as const) {
    const v = x[k];
    if (v === undefined) continue;
    if (typeof v !== "string") errs.push(fieldErr.invalid(`${path}.${k}`, v, "must be a string"));
    else if (v.length === 0) errs.push(fieldErr.invalid(`${path}.${k}`, v, "must not be empty"));
  }
  if (x.metadata !== undefined && !isPlainObject(x.metadata))
    errs.push(fieldErr.invalid(`${path}.metadata`, x.metadata, "must be an object"));
}

function walk(path: string, x: unknown, s: SchemaNode | undefined, errs: FieldError[]): void {
  if (!s) return;
  if (Array.isArray(x)) {
    x.forEach((item, i) => walk(`${path}[${i}]`, item, s.items, errs));
    return;
  }
  if (!isPlainObject(x)) return;
  if (s.embeddedResource) checkResource(path, x, errs);
  for (const [k, v] of Object.entries(x)) {
    const prop = s.properties?.get(k);
    if (prop) walk(path === "<nil>" ? k : `${path}.${k}`, v, prop, errs);
    else if (s.additionalProperties) walk(`${path}[${k}]`, v, s.additionalProperties, errs);
  }
}

/** Errors of every embedded resource in obj (the root itself is checked elsewhere). */
export function validateEmbeddedResources(root: SchemaNode, obj: JsonMap): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const prop = root.properties?.get(k);
    if (prop) walk(k, v, prop, errs);
  }
  return errs;
}
