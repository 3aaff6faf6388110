// Routes a parsed resource path to its handler: resolves the resource type, the verb, and authorizes the
// (possibly impersonated) identity before anything is read or written.
import { StatusError, methodNotAllowed } from "../store/errors";
import type { ResourceType } from "../store/types";
import { ACCESS_REVIEW_TYPES, EXTRA_SUBRESOURCES, STORED_TYPES } from "../registrations";
import { forbidden } from "../auth/forbidden";
import type { ResourceRequest } from "./context";
import { handleAccessReview } from "./access-review";
import { handleGet, handleList, handleWatch, isWatchRequest } from "./handlers-read";
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleUpdate } from "./handlers-write";
import { handlePodLog } from "./pod-logs";
import { handleScale } from "./scale";

const TYPES = new Map<string, ResourceType>(
  [...STORED_TYPES, ...ACCESS_REVIEW_TYPES].map((rt) => [`${rt.group}/${rt.version}/${rt.plural}`, rt]),
);
const ACCESS_REVIEWS = new Set(ACCESS_REVIEW_TYPES);

export interface ResourceTarget {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  watchPrefix: boolean;
}

function notServed(): StatusError {
  return new StatusError(404, "NotFound", "the server could not find the requested resource");
}

export function resolveType(target: ResourceTarget): ResourceType {
  const rt = TYPES.get(`${target.group}/${target.version}/${target.plural}`);
  if (!rt) throw notServed();
  if (!rt.namespaced && target.namespace !== undefined) throw notServed();
  if (rt.namespaced && target.namespace === undefined && target.name !== undefined) throw notServed();
  if (target.subresource !== undefined) {
    const ok =
      (target.subresource === "status" && rt.subresources.status) ||
      EXTRA_SUBRESOURCES.some((s) => s.name === target.subresource && s.plural === rt.plural && s.group === rt.group);
    if (!ok || target.name === undefined) throw notServed();
  }
  return rt;
}

/** The RBAC verb of a request. */
export function verbOf(method: string, target: ResourceTarget, url: URL): string {
  const named = target.name !== undefined;
  switch (method) {
    case "GET":
    case "HEAD":
      if (target.watchPrefix || isWatchRequest(url)) return "watch";
      return named ? "get" : "list";
    case "POST":
      return "create";
    case "PUT":
      return "update";
    case "PATCH":
      return "patch";
    case "DELETE":
      return named ? "delete" : "deletecollection";
    default:
      return method.toLowerCase();
  }
}

export async function routeResource(
  ctx: ResourceRequest,
  method: string,
  verb: string,
  target: ResourceTarget,
): Promise<void> {
  const { rt } = ctx;
  const attrs = { verb, group: rt.group, resource: rt.plural, ...optional(ctx) };
  const decision = ctx.deps.policy.authorize(ctx.identity.effective, attrs);
  if (!decision.allowed) throw forbidden(ctx.identity.effective.user, attrs);
  if (!rt.verbs.includes(verb) && !(verb === "get" && ctx.subresource === "log")) {
    throw methodNotAllowed(`the server does not allow this method on the requested resource (${method} ${rt.plural})`);
  }

  if (ACCESS_REVIEWS.has(rt)) return handleAccessReview(ctx);
  if (ctx.subresource === "log") return handlePodLog(ctx);
  if (ctx.subresource === "scale") return handleScale(ctx, verb);
  if (ctx.subresource === "status" && !["get", "update", "patch"].includes(verb)) {
    throw methodNotAllowed(
      `the server does not allow this method on the requested resource (${method} ${rt.plural}/status)`,
    );
  }
  switch (verb) {
    case "get":
      return handleGet(ctx);
    case "list":
      return handleList(ctx);
    case "watch":
      return handleWatch(ctx);
    case "create":
      if (target.name !== undefined) throw methodNotAllowed("POST is not supported on a named resource");
      return handleCreate(ctx);
    case "update":
      return handleUpdate(ctx);
    case "patch":
      return handlePatch(ctx);
    case "delete":
      return handleDelete(ctx);
    case "deletecollection":
      return handleDeleteCollection(ctx);
    default:
      throw methodNotAllowed(`method ${method} is not supported`);
  }
}

function optional(ctx: ResourceRequest): { namespace?: string; name?: string; subresource?: string } {
  const out: { namespace?: string; name?: string; subresource?: string } = {};
  if (ctx.namespace !== undefined) out.namespace = ctx.namespace;
  if (ctx.name !== undefined) out.name = ctx.name;
  if (ctx.subresource !== undefined) out.subresource = ctx.subresource;
  return out;
}
