// The `scale` subresource of Deployments and StatefulSets (autoscaling/v1 Scale), as `kubectl scale` and HPAs use
// it: GET returns spec.replicas / status.replicas / the selector as a string; PUT and PATCH change only the
// parent's spec.replicas (with the Scale's resourceVersion as the parent's, so optimistic concurrency holds).
import type { KObject } from "../store/types";
import { badRequest, conflict, invalid, notFound } from "../store/errors";
import { entryCopy } from "../store/entry";
import { isPlainObject } from "../store/object-utils";
import type { ResourceRequest } from "./context";
import { mediaType } from "./body";
import { applyPatch } from "./patch";
import { readRequestBody } from "./request-body";
import { sendJson } from "./respond";

type Requirement = { key?: unknown; operator?: unknown; values?: unknown };

/** metav1.FormatLabelSelector: "a=b,c in (d,e),!f". */
export function selectorString(selector: unknown): string {
  if (!isPlainObject(selector)) return "";
  const parts: string[] = [];
  const labels = isPlainObject(selector.matchLabels) ? selector.matchLabels : {};
  for (const key of Object.keys(labels).sort()) parts.push(`${key}=${String(labels[key])}`);
  for (const e of Array.isArray(selector.matchExpressions) ? (selector.matchExpressions as Requirement[]) : []) {
    const key = String(e.key ?? "");
    const values = Array.isArray(e.values) ? e.values.map(String).sort().join(",") : "";
    if (e.operator === "In") parts.push(`${key} in (${values})`);
    else if (e.operator === "NotIn") parts.push(`${key} notin (${values})`);
    else if (e.operator === "Exists") parts.push(key);
    else if (e.operator === "DoesNotExist") parts.push(`!${key}`);
  }
  return parts.join(",");
}

function scaleOf(obj: KObject): KObject {
  const spec = isPlainObject(obj.spec) ? obj.spec : {};
  const status = isPlainObject(obj.status) ? obj.status : {};
  const m = obj.metadata;
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: typeof spec.replicas === "number" ? spec.replicas : 1 },
    status: { replicas: typeof status.replicas === "number" ? status.replicas : 0, selector: selectorString(spec.selector) },
  } as KObject;
}

function replicasOf(ctx: ResourceRequest, scale: unknown): number {
  const spec = isPlainObject(scale) && isPlainObject(scale.spec) ? scale.spec : undefined;
  const replicas = spec?.replicas;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid(
      { group: "autoscaling", kind: "Scale", plural: "scale" },
      ctx.name ?? "",
      "spec.replicas",
      `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`,
    );
  }
  return replicas;
}

export async function handleScale(ctx: ResourceRequest, verb: string): Promise<void> {
  const name = ctx.name as string;
  const current = ctx.deps.store.getEntry(ctx.rt, ctx.namespace, name);
  if (!current) throw notFound(ctx.rt, name);
  const scale = scaleOf(entryCopy(current) as KObject);
  if (verb === "get") return sendJson(ctx.res, 200, scale);
  let desired: unknown;
  if (verb === "patch") {
    desired = applyPatch(mediaType(ctx.req.headers["content-type"]), scale, await readRequestBody(ctx, true));
  } else if (verb === "update") {
    desired = await readRequestBody(ctx, true);
    const rv = isPlainObject(desired) && isPlainObject(desired.metadata) ? desired.metadata.resourceVersion : undefined;
    if (rv !== undefined && rv !== "" && rv !== scale.metadata.resourceVersion) throw conflict(ctx.rt, name);
  } else {
    throw badRequest(`${verb} is not supported on ${ctx.rt.plural}/scale`);
  }
  const replicas = replicasOf(ctx, desired);
  const parent = entryCopy(current) as KObject;
  parent.spec = { ...(isPlainObject(parent.spec) ? parent.spec : {}), replicas };
  const updated = ctx.deps.store.update(ctx.rt, parent, { fieldManager: ctx.fieldManager, dryRun: ctx.dryRun });
  sendJson(ctx.res, 200, scaleOf(updated));
}
