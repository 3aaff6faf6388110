// Sending one step: prepare (token, patch, baseline — persisted by the caller BEFORE the write, so a restart can
// tell whether the write landed), then deliver (PATCH as the user, then the Event as the app identity).
import "server-only";
import { logger } from "@/lib/log/logger";
import type { KubeObject } from "@/lib/kinds/object";
import type { ActionName } from "./catalog";
import { describeObject } from "./preconditions";
import { createActionEvent, patchAsUser } from "./kube";
import type { MergePatch } from "./patches";
import { baselineOf, eventMessage, stepRequest, wouldBeNoop } from "./step-request";
import { nextToken } from "./token";
import type { StepRecord } from "./types";

export interface OperationIdentity {
  id?: string;
  cluster: string;
  action: ActionName;
  /** Display name, beside the subject (each step's actor) in suspendedBy and the Event message. */
  user: string;
  groups: string[];
  reason: string | null;
  /** "Kind ns/name" of the operation's target (Event wording for source steps). */
  targetLabel: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Token, patch and baseline for the step. Second-precision values (restart, force-sync) that equal what the
 * object already carries would be a no-op, so we wait for the next second (at most 1 s), like a second click would.
 */
export async function prepareStep(op: OperationIdentity, step: StepRecord, current: KubeObject): Promise<StepRecord> {
  let nowMs = Date.now();
  let req = stepRequest(step, { nowMs, fluxToken: nextToken, user: op.user, reason: op.reason });
  if (wouldBeNoop(step, current, req.token)) {
    await sleep(1000 - (nowMs % 1000) + 5);
    nowMs = Date.now();
    req = stepRequest(step, { nowMs, fluxToken: nextToken, user: op.user, reason: op.reason });
  }
  return { ...step, token: req.token, patch: req.patch, baseline: baselineOf(current), state: "requested", message: "sending the request" };
}

export interface Delivered {
  step: StepRecord;
  /** The object's metadata.resourceVersion in the PATCH response (the audit row's "after"). */
  resourceVersionAfter?: string;
  /** Set when the Event could not be recorded (the action itself went through). */
  eventError?: string;
}

/** PATCH as the user; throws KubeHttpError when the API server refuses. Then records the Event. */
export async function deliverStep(op: OperationIdentity, step: StepRecord, current: KubeObject): Promise<Delivered> {
  if (!step.token || !step.patch) throw new Error("deliverStep needs a prepared step");
  const patched = await patchAsUser(op.cluster, { user: step.actor, groups: op.groups }, step.resource, step.namespace, step.name, step.patch as MergePatch);
  const sentAt = new Date();
  const sent: StepRecord = {
    ...step,
    sentAt: sentAt.toISOString(),
    deadline: new Date(sentAt.getTime() + step.timeoutMs).toISOString(),
    generation: patched.metadata.generation,
    message: "request sent; waiting for the controller",
  };
  const message = eventMessage({ subject: step.actor, user: op.user, groups: op.groups, action: op.action, step, target: op.targetLabel, token: step.token, reason: op.reason });
  const after = patched.metadata.resourceVersion ? { resourceVersionAfter: patched.metadata.resourceVersion } : {};
  try {
    await createActionEvent(op.cluster, { ...current, metadata: { ...current.metadata, resourceVersion: patched.metadata.resourceVersion } }, message);
    return { step: sent, ...after };
  } catch (err) {
    const eventError = err instanceof Error ? err.message : String(err);
    logger.warn({ operation: op.id, object: describeObject(current), err: eventError }, "could not record the Kubernetes Event of an action");
    return { step: sent, ...after, eventError };
  }
}
