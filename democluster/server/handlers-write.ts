// Write handlers: create (POST), update (PUT), patch (PATCH), delete and deletecollection (DELETE).
import type { KObject, WriteOptions } from "../store/types";
import { badRequest, invalid, notFound, StatusError } from "../store/errors";
import { entryCopy } from "../store/entry";
import { isPlainObject } from "../store/object-utils";
import type { DeleteOptions } from "../store/memory-store";
import { CRD_BACKED_TYPES } from "../registrations";
import type { ResourceRequest } from "./context";
import { mediaType } from "./body";
import { readRequestBody } from "./request-body";
import { applyPatch } from "./patch";
import { sendJson, successStatus } from "./respond";
import { combineSelectors, parseFieldSelector, parseLabelSelector } from "./selectors";

function asObject(value: unknown): KObject {
  if (!isPlainObject(value)) throw badRequest("the request body must be a JSON object");
  if (!isPlainObject(value.metadata)) value.metadata = {};
  return value as unknown as KObject;
}

function writeOptions(ctx: ResourceRequest): WriteOptions {
  return {
    fieldManager: ctx.fieldManager,
    dryRun: ctx.dryRun,
    ...(ctx.subresource === "status" ? { subresource: "status" as const } : {}),
  };
}

function requireNamespace(ctx: ResourceRequest): void {
  if (!ctx.rt.namespaced || ctx.namespace === undefined) return;
  if (!ctx.deps.store.getEntry({ group: "", plural: "namespaces" }, undefined, ctx.namespace)) {
    throw notFound({ group: "", plural: "namespaces" }, ctx.namespace);
  }
}

/** Body identity must agree with the URL (422 Invalid otherwise). */
function checkIdentity(ctx: ResourceRequest, obj: KObject, urlName: string | undefined): void {
  const meta = obj.metadata;
  if (ctx.namespace !== undefined) {
    if (meta.namespace !== undefined && meta.namespace !== "" && meta.namespace !== ctx.namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    meta.namespace = ctx.namespace;
  }
  if (urlName === undefined) return;
  if (!meta.name) throw invalid(ctx.rt, urlName, "metadata.name", "Required value: name is required");
  if (meta.name !== urlName) {
    throw invalid(
      ctx.rt,
      urlName,
      "metadata.name",
      `Invalid value: "${meta.name}": the name of the object does not match the name on the URL (${urlName})`,
    );
  }
}

export async function handleCreate(ctx: ResourceRequest): Promise<void> {
  const obj = asObject(await readRequestBody(ctx, true));
  if (ctx.rt.namespaced && ctx.namespace === undefined) throw notFound(ctx.rt, obj.metadata.name ?? "");
  checkIdentity(ctx, obj, undefined);
  requireNamespace(ctx);
  if (ctx.rt.subresources.status) delete obj.status; // like the API server: status is set by controllers
  const created = ctx.deps.store.create(ctx.rt, obj, writeOptions(ctx));
  sendJson(ctx.res, 201, created);
}

export async function handleUpdate(ctx: ResourceRequest): Promise<void> {
  const obj = asObject(await readRequestBody(ctx, true));
  checkIdentity(ctx, obj, ctx.name);
  const updated = ctx.deps.store.update(ctx.rt, obj, writeOptions(ctx));
  sendJson(ctx.res, 200, updated);
}

export async function handlePatch(ctx: ResourceRequest): Promise<void> {
  const type = mediaType(ctx.req.headers["content-type"]);
  const patch = await readRequestBody(ctx, true);
  const name = ctx.name as string;
  const current = ctx.deps.store.getEntry(ctx.rt, ctx.namespace, name);
  if (!current) throw notFound(ctx.rt, name);
  const patched = applyPatch(type, entryCopy(current), patch);
  if (!isPlainObject(patched) || !isPlainObject(patched.metadata))
    throw new StatusError(422, "Invalid", "the patch produced an object without metadata");
  const obj = patched as unknown as KObject;
  if (obj.metadata.name !== name) {
    throw invalid(ctx.rt, name, "metadata.name", `Invalid value: "${String(obj.metadata.name)}": field is immutable`);
  }
  if (ctx.rt.namespaced && obj.metadata.namespace !== ctx.namespace) {
    throw invalid(
      ctx.rt,
      name,
      "metadata.namespace",
      `Invalid value: "${String(obj.metadata.namespace)}": field is immutable`,
    );
  }
  const updated = ctx.deps.store.update(ctx.rt, obj, writeOptions(ctx));
  sendJson(ctx.res, 200, updated);
}

function deleteOptions(ctx: ResourceRequest, body: unknown): DeleteOptions {
  const opts: DeleteOptions = { dryRun: ctx.dryRun };
  const params = ctx.url.searchParams;
  const policy = (isPlainObject(body) ? body.propagationPolicy : undefined) ?? params.get("propagationPolicy");
  if (policy === "Orphan" || policy === "Background" || policy === "Foreground") opts.propagationPolicy = policy;
  else if (policy !== null && policy !== undefined) throw badRequest(`invalid propagationPolicy "${String(policy)}"`);
  if (isPlainObject(body) && isPlainObject(body.preconditions)) {
    const pre = body.preconditions;
    opts.preconditions = {};
    if (typeof pre.uid === "string") opts.preconditions.uid = pre.uid;
    if (typeof pre.resourceVersion === "string") opts.preconditions.resourceVersion = pre.resourceVersion;
  }
  return opts;
}

const CRD_BACKED = new Set(CRD_BACKED_TYPES);

export async function handleDelete(ctx: ResourceRequest): Promise<void> {
  const body = await readRequestBody(ctx, false);
  const name = ctx.name as string;
  const result = ctx.deps.store.deleteWithOptions(ctx.rt, ctx.namespace, name, deleteOptions(ctx, body));
  const stillThere = ctx.deps.store.getEntry(ctx.rt, ctx.namespace, name) !== undefined;
  // Like the API server: objects held by finalizers come back as objects; immediately deleted custom resources
  // come back as a Success Status, built-in kinds as the final object.
  if (stillThere || ctx.dryRun || !CRD_BACKED.has(ctx.rt)) {
    sendJson(ctx.res, 200, result);
    return;
  }
  sendJson(
    ctx.res,
    200,
    successStatus({ name, group: ctx.rt.group, kind: ctx.rt.plural, uid: result.metadata.uid as string }),
  );
}

export async function handleDeleteCollection(ctx: ResourceRequest): Promise<void> {
  const body = await readRequestBody(ctx, false);
  const params = ctx.url.searchParams;
  const selector = combineSelectors(
    parseLabelSelector(params.get("labelSelector")),
    parseFieldSelector(params.get("fieldSelector")),
  );
  const opts = deleteOptions(ctx, body);
  const targets = ctx.deps.store.listEntries(ctx.rt, ctx.namespace).filter((e) => !selector || selector(e.obj));
  for (const e of targets)
    ctx.deps.store.deleteWithOptions(ctx.rt, e.obj.metadata.namespace, e.obj.metadata.name, opts);
  sendJson(ctx.res, 200, successStatus({ group: ctx.rt.group, kind: ctx.rt.plural }));
}
