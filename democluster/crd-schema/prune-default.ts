// What kube-apiserver does to a custom resource while decoding it (request bodies and stored objects alike),
// in its order (apiextensions-apiserver pkg/apiserver/customresource_handler.go unstructuredSchemaCoercer.apply,
// then the codec's defaulter):
//   1. prune fields the schema does not know, unless x-kubernetes-preserve-unknown-fields (schema/pruning);
//      apiVersion, kind and metadata of the root and of embedded resources are kept;
//   2. drop null values of non-nullable fields that have no default (schema/defaulting/prunenulls.go);
//   3. keep only ObjectMeta fields in metadata (schemaobjectmeta coercion through metav1.ObjectMeta);
//   4. apply schema defaults (schema/defaulting/algorithm.go), null non-nullable values included.
import { isPlainObject, type JsonMap } from "../store/object-utils";
import { childSchema, type SchemaNode } from "./schema-node";

const META_FIELDS = new Set(["apiVersion", "kind", "metadata"]);

// metav1.ObjectMeta's JSON fields.
const OBJECT_META_FIELDS = new Set([
  "name",
  "generateName",
  "namespace",
  "selfLink",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "labels",
  "annotations",
  "ownerReferences",
  "finalizers",
  "managedFields",
]);

function prune(x: unknown, s: SchemaNode | undefined): void {
  if (s?.preserveUnknownFields) {
    skipPrune(x, s);
    return;
  }
  if (Array.isArray(x)) {
    for (const item of x) prune(item, s?.items);
    return;
  }
  if (!isPlainObject(x)) return;
  for (const k of Object.keys(x)) {
    if (s?.embeddedResource && META_FIELDS.has(k)) continue;
    const prop = s?.properties?.get(k) ?? s?.additionalProperties;
    if (prop) prune(x[k], prop);
    else delete x[k];
  }
}

/** Under x-kubernetes-preserve-unknown-fields: unknown fields stay, known ones are pruned as usual. */
function skipPrune(x: unknown, s: SchemaNode | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    for (const item of x) skipPrune(item, s.items);
    return;
  }
  if (!isPlainObject(x)) return;
  for (const k of Object.keys(x)) {
    if (s.embeddedResource && META_FIELDS.has(k)) continue;
    const prop = s.properties?.get(k) ?? s.additionalProperties;
    if (prop) prune(x[k], prop);
  }
}

function pruneNulls(x: unknown, s: SchemaNode | undefined): void {
  if (Array.isArray(x)) {
    for (const item of x) pruneNulls(item, s?.items);
    return;
  }
  if (!isPlainObject(x)) return;
  for (const k of Object.keys(x)) {
    const sub = childSchema(s, k);
    if (x[k] === null && sub && !sub.nullable && sub.default === undefined) delete x[k];
    else pruneNulls(x[k], sub);
  }
}

function coerceMetadata(x: unknown, s: SchemaNode | undefined): void {
  if (Array.isArray(x)) {
    for (const item of x) coerceMetadata(item, s?.items);
    return;
  }
  if (!isPlainObject(x) || !s) return;
  if (s.embeddedResource && isPlainObject(x.metadata)) {
    const meta = x.metadata;
    for (const k of Object.keys(meta)) if (!OBJECT_META_FIELDS.has(k)) delete meta[k];
  }
  for (const k of Object.keys(x)) {
    if (s.embeddedResource && META_FIELDS.has(k)) continue;
    coerceMetadata(x[k], childSchema(s, k));
  }
}

function isNonNullableNull(v: unknown, s: SchemaNode | undefined): boolean {
  return v === null && s !== undefined && !s.nullable;
}

/** Applies schema defaults in place. */
export function applyDefaults(x: unknown, s: SchemaNode | undefined): void {
  if (!s) return;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      if (isNonNullableNull(x[i], s.items) && s.items?.default !== undefined) x[i] = structuredClone(s.items.default);
      applyDefaults(x[i], s.items);
    }
    return;
  }
  if (!isPlainObject(x)) return;
  const obj: JsonMap = x;
  if (s.properties) {
    for (const [k, prop] of s.properties) {
      if (prop.default === undefined) continue;
      if (obj[k] === undefined || isNonNullableNull(obj[k], prop)) obj[k] = structuredClone(prop.default);
    }
  }
  for (const k of Object.keys(obj)) {
    const prop = s.properties?.get(k);
    if (prop) applyDefaults(obj[k], prop);
    else if (s.additionalProperties) {
      const ap = s.additionalProperties;
      if (isNonNullableNull(obj[k], ap) && ap.default !== undefined) obj[k] = structuredClone(ap.default);
      applyDefaults(obj[k], ap);
    }
  }
}

/** Steps 1–4 above, in place, on a whole custom resource. */
export function decodeCustomResource(obj: JsonMap, root: SchemaNode): void {
  prune(obj, root);
  pruneNulls(obj, root);
  coerceMetadata(obj, root);
  applyDefaults(obj, root);
}
