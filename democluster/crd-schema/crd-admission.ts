// The custom-resource write path of kube-apiserver, for the store: decode (prune, defaults) and validate
// (schema, list types, embedded resources, CEL rules) against the real CRD's schema, or refuse with the
// apiserver's 422 Invalid Status. Mirrors apiextensions-apiserver pkg/registry/customresource: strategy.go
// Validate / ValidateUpdate for the main resource, status_strategy.go ValidateUpdate for the status subresource.
// Kinds without a vendored CRD pass through untouched.
import type { KObject, ResourceType } from "../store/types";
import { isPlainObject, type JsonMap } from "../store/object-utils";
import { crdSchemaFor, type CrdSchema } from "./crd-source";
import { decodeCustomResource } from "./prune-default";
import { validateSchema } from "./openapi-validate";
import { validateListTypes } from "./list-type";
import { validateEmbeddedResources } from "./embedded";
import { hasRules, validateRules } from "./cel-rules";
import { NO_OLD } from "./correlate";
import { blockingError, invalidStatus, type FieldError } from "./field-error";

type Rt = Pick<ResourceType, "group" | "plural" | "version" | "kind">;

/**
 * Prunes unknown fields and applies schema defaults in place, as the apiserver does to every custom resource it
 * decodes (request bodies, stored objects). No-op for kinds without a CRD.
 */
export function decodeForSchema(rt: Rt, obj: KObject): void {
  const crd = crdSchemaFor(rt);
  if (crd) decodeCustomResource(obj as unknown as JsonMap, crd.resourceRoot);
}

/** CEL rules run only when nothing blocking was found; without any rule in the CRD there is no CEL validator at
 * all (cel.NewValidator returns nil), so no "some validation rules were not checked" either. */
function withRules(crd: CrdSchema, errs: FieldError[], runRules: () => FieldError[]): FieldError[] {
  if (!hasRules(crd.root)) return errs;
  const blocking = blockingError(errs);
  return blocking ? [...errs, blocking] : [...errs, ...runRules()];
}

function validateCreate(crd: CrdSchema, obj: JsonMap): FieldError[] {
  const errs = [
    ...validateSchema(obj, crd.root),
    ...validateEmbeddedResources(crd.root, obj),
    ...validateListTypes(crd.root, obj),
  ];
  return withRules(crd, errs, () => validateRules(crd.root, obj));
}

function validateUpdate(crd: CrdSchema, obj: JsonMap, old: JsonMap): FieldError[] {
  const errs = [...validateSchema(obj, crd.root, undefined, old), ...validateEmbeddedResources(crd.root, obj)];
  if (validateListTypes(crd.root, old).length === 0) errs.push(...validateListTypes(crd.root, obj));
  return withRules(crd, errs, () => validateRules(crd.root, obj, old, true));
}

function validateStatusUpdate(crd: CrdSchema, obj: JsonMap, old: JsonMap): FieldError[] {
  const errs: FieldError[] = [];
  if (crd.status && Object.prototype.hasOwnProperty.call(obj, "status") && obj.status !== undefined) {
    const oldStatus = old.status === undefined ? NO_OLD : old.status;
    errs.push(...validateSchema(obj.status, crd.status, "status", oldStatus));
  }
  const newListErrs = validateListTypes(crd.root, obj);
  if (newListErrs.length && validateListTypes(crd.root, old).length === 0) errs.push(...newListErrs);
  return withRules(crd, errs, () => validateRules(crd.root, obj, old, false));
}

/**
 * Validates the object about to be stored: `old` undefined for a create, else the stored object; `subresource`
 * "status" for writes to /status. Throws the apiserver's 422 Invalid StatusError.
 */
export function validateForSchema(rt: Rt, obj: KObject, old: KObject | undefined, subresource?: "status"): void {
  const crd = crdSchemaFor(rt);
  if (!crd) return;
  const next = obj as unknown as JsonMap;
  const prev = old as unknown as JsonMap | undefined;
  let errs: FieldError[];
  if (!prev) errs = validateCreate(crd, next);
  else if (subresource === "status") errs = validateStatusUpdate(crd, next, prev);
  else errs = validateUpdate(crd, next, prev);
  if (errs.length === 0) return;
  const name = isPlainObject(next.metadata) && typeof next.metadata.name === "string" ? next.metadata.name : "";
  throw invalidStatus(crd.group, crd.kind, name, errs);
}
