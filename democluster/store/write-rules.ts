// Pure rules for turning a write request into the next stored object: status subresource semantics, generation,
// system metadata, managedFields. No storage here; memory-store.ts commits the result.
import type { KObject, ResourceType } from "./types";
import { badRequest, invalid } from "./errors";
import { deepClone, deepEqual, newUid, nowTimestamp, randomNameSuffix } from "./object-utils";
import { updateManagedFields } from "./managed-fields";
import { decodeForSchema, validateForSchema } from "../crd-schema/crd-admission";

export function apiVersionOf(rt: ResourceType): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** Checks apiVersion/kind/namespace of an incoming object and fills them in from the resource type. */
export function normalizeIdentity(rt: ResourceType, obj: KObject): void {
  const apiVersion = apiVersionOf(rt);
  if (obj.apiVersion && obj.apiVersion !== apiVersion) {
    throw badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (obj.kind && obj.kind !== rt.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${rt.kind})`);
  }
  obj.apiVersion = apiVersion;
  obj.kind = rt.kind;
  if (!obj.metadata || typeof obj.metadata !== "object") obj.metadata = { name: "" };
  if (rt.namespaced) {
    if (!obj.metadata.namespace) throw badRequest(`the namespace is required for ${rt.plural}`);
  } else {
    delete obj.metadata.namespace;
  }
}

/** Defaults the API server applies to built-in kinds on create. */
function applyCreateDefaults(rt: ResourceType, obj: KObject): void {
  if (rt.group !== "") return;
  if (rt.kind === "Secret" && !obj.type) obj.type = "Opaque";
  if (rt.kind === "Namespace" && !obj.status?.phase) obj.status = { ...(obj.status ?? {}), phase: "Active" };
}

/** Builds the object to insert for a create. */
export function prepareCreate(rt: ResourceType, input: KObject, manager: string): KObject {
  const obj = deepClone(input);
  normalizeIdentity(rt, obj);
  decodeForSchema(rt, obj); // custom resources: pruned and defaulted like a decoded request body
  const meta = obj.metadata;
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomNameSuffix()}`;
  if (!meta.name) throw invalid(rt, "", "metadata.name", "Required value: name or generateName is required");
  delete meta.deletionTimestamp;
  delete meta.managedFields;
  meta.uid = newUid();
  meta.creationTimestamp = nowTimestamp();
  meta.generation = 1;
  applyCreateDefaults(rt, obj);
  meta.managedFields = updateManagedFields({ before: undefined, after: obj, manager, apiVersion: obj.apiVersion });
  validateForSchema(rt, obj, undefined);
  return obj;
}

/**
 * Builds the next object for an update of `current` with `incoming` (already a private copy).
 * subresource "status": only .status is taken from incoming. Otherwise everything but .status (for types with a
 * status subresource) and the system metadata.
 */
export function mergeForUpdate(
  rt: ResourceType,
  current: KObject,
  incoming: KObject,
  subresource: "status" | undefined,
): KObject {
  decodeForSchema(rt, incoming);
  const next = mergeParts(rt, current, incoming, subresource);
  decodeForSchema(rt, next); // what a read of the stored object returns (e.g. status defaults)
  validateForSchema(rt, next, current, subresource);
  return next;
}

function mergeParts(rt: ResourceType, current: KObject, incoming: KObject, subresource: "status" | undefined): KObject {
  if (subresource === "status") {
    const next = deepClone(current);
    if (incoming.status === undefined) delete next.status;
    else next.status = incoming.status;
    return next;
  }
  const next = incoming;
  if (!next.metadata || typeof next.metadata !== "object") next.metadata = { name: current.metadata.name };
  next.apiVersion = current.apiVersion;
  next.kind = current.kind;
  const meta = next.metadata;
  const cur = current.metadata;
  meta.name = cur.name;
  if (cur.namespace !== undefined) meta.namespace = cur.namespace;
  else delete meta.namespace;
  meta.uid = cur.uid;
  meta.creationTimestamp = cur.creationTimestamp;
  meta.generation = cur.generation;
  if (cur.deletionTimestamp) meta.deletionTimestamp = cur.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (cur.generateName !== undefined && meta.generateName === undefined) meta.generateName = cur.generateName;
  meta.managedFields = cur.managedFields;
  if (rt.subresources.status) {
    if (current.status === undefined) delete next.status;
    else next.status = deepClone(current.status);
  }
  return next;
}

function withoutVolatile(obj: KObject): KObject {
  const { managedFields: _mf, resourceVersion: _rv, ...meta } = obj.metadata;
  return { ...obj, metadata: { ...meta, name: obj.metadata.name } };
}

/** True when next differs from current in anything but resourceVersion/managedFields. */
export function hasChanges(current: KObject, next: KObject): boolean {
  return !deepEqual(withoutVolatile(current), withoutVolatile(next));
}

/** Applies generation and managedFields for a changed object. */
export function finishUpdate(
  current: KObject,
  next: KObject,
  manager: string,
  subresource: "status" | undefined,
): void {
  if (!deepEqual(current.spec, next.spec)) next.metadata.generation = (current.metadata.generation ?? 1) + 1;
  else next.metadata.generation = current.metadata.generation;
  next.metadata.managedFields = updateManagedFields({
    before: current,
    after: next,
    manager,
    apiVersion: next.apiVersion,
    subresource,
  });
}
