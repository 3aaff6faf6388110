// The shared action pipeline (DESIGN.md §5): per-user rate limit → app role → plan (allow-list, input, live object
// as the user, state refusals, sources, RBAC as the user) → per-target lock → join a running operation of the same
// action, or refuse a second pending token request → record the Operation (token persisted BEFORE the write) →
// merge patch as the user with fieldManager=fluxtower → Event → audit row → progress tracking.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { limiter } from "@/lib/auth/rate-limit";
import { roleAtLeast } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import { withoutApiServers } from "@/lib/http/api-server-visibility";
import { AppError } from "@/lib/http/errors";
import { KubeHttpError } from "@/lib/k8s/transport";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { logger } from "@/lib/log/logger";
import { ACTIONS, isActionName } from "./catalog";
import { auditAction, outcomeOf } from "./audit";
import { publishOperation } from "./feed";
import { targetLocks } from "./target-locks";
import { planAction, type PlannedAction } from "./plan";
import { describeObject } from "./preconditions";
import { overallProgress } from "./progress";
import { deliverStep, prepareStep, type OperationIdentity } from "./send-step";
import { activeOperationsOn, createOperation, updateOperation } from "./store";
import { ensureTrackingResumed, track } from "./tracker";
import type { ActionRequest } from "./types";
import { toOperationView, type OperationRow, type OperationView } from "./view";

export interface ActionContext {
  user: Principal;
  cluster: string;
  requestId: string;
}

export interface ActionResult {
  operation: OperationView;
  /** True when the request joined an operation already in flight (nothing was written). */
  deduplicated: boolean;
}

/** Rate limit first (every action request counts, whatever the role), then the app role. */
async function checkRateAndRole(user: Principal): Promise<void> {
  const perMinute = env().FLUXTOWER_ACTIONS_PER_MINUTE;
  const v = await limiter("actions", perMinute, 60_000).hit(user.userId);
  if (!v.ok) {
    const retry = v.retryAfter;
    throw new AppError("rate_limited", `Too many actions: at most ${perMinute} a minute per user; try again in ${retry} s`, { "retry-after": String(retry) });
  }
  if (!roleAtLeast(user.role, "operator")) throw new AppError("forbidden", `Actions need the operator role; you are ${user.role}`);
}

/** The Kubernetes answer to our write, in our words (the object was visible a moment ago, so 403 is not a secret). */
function writeError(err: unknown, who: string): unknown {
  if (!(err instanceof KubeHttpError)) return err;
  if (err.status === 403) return new AppError("forbidden", `The Kubernetes API server refused the change for ${who}: ${err.message}`);
  if (err.status === 404) return new AppError("not_found", "The object disappeared before the change was written");
  if (err.status === 409) return new AppError("conflict", err.message);
  if (err.status === 400 || err.status === 422) return new AppError("bad_request", `The Kubernetes API server rejected the change: ${err.message}`);
  return err;
}

interface Started {
  row: OperationRow;
  deduplicated: boolean;
  eventError?: string;
}

/**
 * The object written at request time (the first step: the target, or its first source with `withSource`) and its
 * metadata.resourceVersion right before our PATCH (the live object read as the user) and in the PATCH response.
 * Filled in by start() as it goes, so a refused write still reports "before".
 */
interface WrittenVersions {
  object?: string;
  before?: string;
  after?: string;
}

/** The audit detail keys of WrittenVersions (only those that are known). */
function versionDetail(v: WrittenVersions): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.object) out.resourceVersionOf = v.object;
  if (v.before) out.resourceVersionBefore = v.before;
  if (v.after) out.resourceVersionAfter = v.after;
  return out;
}

async function start(ctx: ActionContext, req: ActionRequest, plan: PlannedAction, written: WrittenVersions): Promise<Started> {
  const active = await activeOperationsOn(ctx.cluster, plan.target);
  const same = active.find((o) => o.action === req.action && o.withSource === plan.input.withSource);
  if (same) return { row: same, deduplicated: true };
  if (ACTIONS[req.action].writesRequestToken) {
    const pending = active.find((o) => isActionName(o.action) && ACTIONS[o.action].writesRequestToken && o.state === "requested");
    if (pending) {
      throw new AppError("conflict", `A ${pending.action} requested by ${pending.user} (operation ${pending.id}) is still waiting for the controller to pick it up; try again once it is acknowledged`);
    }
  }
  const [first] = plan.steps;
  const targetObject = plan.steps[plan.steps.length - 1].object;
  const op: OperationIdentity = {
    cluster: ctx.cluster,
    action: req.action,
    user: ctx.user.name,
    groups: ctx.user.groups,
    reason: plan.input.reason,
    targetLabel: describeObject(targetObject),
  };
  const steps = plan.steps.map((s) => s.step);
  steps[0] = await prepareStep(op, first.step, first.object);
  const created = await createOperation({
    cluster: ctx.cluster,
    action: req.action,
    target: plan.target,
    withSource: plan.input.withSource,
    reason: plan.input.reason,
    token: steps.length === 1 ? (steps[0].token ?? null) : null,
    message: "sending the request",
    steps,
    user: ctx.user.name,
    groups: ctx.user.groups,
    requestId: ctx.requestId,
    timeoutAt: new Date(Date.now() + steps[0].timeoutMs),
  });
  op.id = created.id;
  let eventError: string | undefined;
  written.object = describeObject(first.object);
  written.before = first.object.metadata.resourceVersion;
  try {
    const delivered = await deliverStep(op, steps[0], first.object);
    steps[0] = delivered.step;
    written.after = delivered.resourceVersionAfter;
    eventError = delivered.eventError;
  } catch (err) {
    // Stored and shown to everyone who may see the operation: no API-server address (lib/http/api-server-visibility.ts).
    const message = `the Kubernetes API server refused the request: ${withoutApiServers(err instanceof Error ? err.message : String(err))}`;
    steps[0] = { ...steps[0], state: "failed", message, finishedAt: new Date().toISOString() };
    const failed = await updateOperation(created.id, { state: "failed", message, steps, finishedAt: new Date() });
    publishOperation(toOperationView(failed));
    throw writeError(err, ctx.user.kubeUser);
  }
  const overall = overallProgress(steps);
  const row = await updateOperation(created.id, { state: overall.state, message: overall.message, steps, timeoutAt: steps[0].deadline ? new Date(steps[0].deadline) : undefined });
  publishOperation(toOperationView(row));
  track(row);
  return { row, deduplicated: false, eventError };
}

/** Runs one action request end to end (see the file comment). Every outcome is audited. */
export async function requestAction(ctx: ActionContext, req: ActionRequest): Promise<ActionResult> {
  void ensureTrackingResumed();
  const written: WrittenVersions = {};
  try {
    await checkRateAndRole(ctx.user);
    if (!clusterCache(ctx.cluster)) throw new AppError("not_found", `Unknown cluster "${ctx.cluster}"`);
    const plan = await planAction(ctx.cluster, ctx.user, req);
    const key = [ctx.cluster, plan.target.resource, plan.target.namespace ?? "", plan.target.name].join("|");
    const started = await targetLocks().run(key, () => start(ctx, req, plan, written));
    const operation = toOperationView(started.row);
    if (started.deduplicated) {
      logger.info({ requestId: ctx.requestId, operation: operation.id, user: ctx.user.name }, "action joined an operation in flight");
      return { operation, deduplicated: true };
    }
    await auditAction({
      ...ctx,
      req,
      outcome: "success",
      message: `${req.action} requested (operation ${operation.id})`,
      token: operation.steps[operation.steps.length - 1]?.token ?? operation.steps[0]?.token,
      reason: plan.input.reason,
      detail: {
        operationId: operation.id,
        steps: operation.steps.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`),
        ...versionDetail(written),
        ...(started.eventError ? { eventError: started.eventError } : {}),
      },
    });
    return { operation, deduplicated: false };
  } catch (err) {
    const message = withoutApiServers(err instanceof Error ? err.message : String(err));
    await auditAction({ ...ctx, req, outcome: outcomeOf(err), message, detail: versionDetail(written) });
    throw err;
  }
}
