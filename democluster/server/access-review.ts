// POST selfsubjectaccessreviews / subjectaccessreviews: evaluate the policy for the caller (after
// impersonation) or for spec.user/spec.groups, and answer status.allowed/denied/reason.
import { badRequest } from "../store/errors";
import { isPlainObject, type JsonMap } from "../store/object-utils";
import type { Identity } from "../auth/identity";
import type { AccessAttributes } from "../auth/policy";
import type { ResourceRequest } from "./context";
import { readRequestBody } from "./request-body";
import { sendJson } from "./respond";

const DISCOVERY_PATHS = [
  /^\/api(\/|$)/,
  /^\/apis(\/|$)/,
  /^\/version$/,
  /^\/healthz$/,
  /^\/livez$/,
  /^\/readyz$/,
  /^\/openapi\//,
];

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function resourceAttributes(spec: JsonMap): AccessAttributes | undefined {
  const ra = spec.resourceAttributes;
  if (!isPlainObject(ra)) return undefined;
  const attrs: AccessAttributes = {
    verb: str(ra.verb) ?? "",
    group: typeof ra.group === "string" ? ra.group : "",
    resource: str(ra.resource) ?? "",
  };
  const sub = str(ra.subresource);
  const ns = str(ra.namespace);
  const name = str(ra.name);
  if (sub) attrs.subresource = sub;
  if (ns) attrs.namespace = ns;
  if (name) attrs.name = name;
  if (!attrs.verb || !attrs.resource) throw badRequest("spec.resourceAttributes needs verb and resource");
  return attrs;
}

export async function handleAccessReview(ctx: ResourceRequest): Promise<void> {
  const review = await readRequestBody(ctx, true);
  if (!isPlainObject(review) || !isPlainObject(review.spec)) throw badRequest("the access review needs a spec");
  const spec = review.spec;
  let subject: Identity;
  if (ctx.rt.plural === "subjectaccessreviews") {
    const user = str(spec.user);
    const groups = Array.isArray(spec.groups) ? spec.groups.filter((g): g is string => typeof g === "string") : [];
    if (!user && groups.length === 0) throw badRequest("spec.user or spec.groups is required");
    subject = { user: user ?? "", groups };
  } else subject = ctx.identity.effective;

  let status: { allowed: boolean; denied?: boolean; reason?: string };
  const attrs = resourceAttributes(spec);
  if (attrs) {
    const decision = ctx.deps.policy.authorize(subject, attrs);
    status = decision.allowed ? { allowed: true, reason: decision.reason } : { allowed: false };
  } else if (isPlainObject(spec.nonResourceAttributes)) {
    const path = str(spec.nonResourceAttributes.path) ?? "";
    const admin = ctx.deps.policy.authorize(subject, { verb: "*", group: "*", resource: "*" }).allowed;
    status = { allowed: admin || DISCOVERY_PATHS.some((re) => re.test(path)) };
  } else throw badRequest("spec.resourceAttributes or spec.nonResourceAttributes is required");

  sendJson(ctx.res, 201, {
    apiVersion: "authorization.k8s.io/v1",
    kind: ctx.rt.kind,
    metadata: { creationTimestamp: null },
    spec,
    status,
  });
}
