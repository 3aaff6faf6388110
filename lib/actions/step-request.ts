// What a step writes: its token and merge patch, the baseline to compare against, whether a patch is visible on
// an object, and the words of the Kubernetes Event. Pure module (the clock and token source are injected).
import { conditionOf, SUSPENDED_AT_ANNOTATION } from "@/lib/health";
import { at, num, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { ActionName } from "./catalog";
import {
  CES_FORCE_SYNC,
  ES_FORCE_SYNC,
  forcePatch,
  forceSyncPatch,
  reconcilePatch,
  REQUESTED_AT,
  resetPatch,
  RESTARTED_AT,
  restartPatch,
  resumePatch,
  suspendPatch,
  type MergePatch,
} from "./patches";
import { restartTimestamp, suspendTimestamp, unixSeconds } from "./token";
import type { StepBaseline, StepRecord } from "./types";

export interface RequestInputs {
  nowMs: number;
  /** A fresh Flux token (RFC 3339, 9 fractional digits). */
  fluxToken: () => string;
  /** Display name, recorded beside the subject (the step's actor, the impersonated Kubernetes user). */
  user: string;
  reason: string | null;
}

export function stepRequest(step: StepRecord, input: RequestInputs): { token: string; patch: MergePatch } {
  switch (step.progress) {
    case "reconcile": {
      const token = input.fluxToken();
      return { token, patch: reconcilePatch(token) };
    }
    case "force": {
      const token = input.fluxToken();
      return { token, patch: forcePatch(token) };
    }
    case "reset": {
      const token = input.fluxToken();
      return { token, patch: resetPatch(token) };
    }
    case "resume": {
      const token = input.fluxToken();
      return { token, patch: resumePatch(token) };
    }
    case "suspend": {
      const token = suspendTimestamp(input.nowMs);
      return { token, patch: suspendPatch({ subject: step.actor, displayName: input.user, reason: input.reason ?? "", at: token }) };
    }
    case "force-sync": {
      const token = unixSeconds(input.nowMs);
      return { token, patch: forceSyncPatch(step.kind === "ClusterExternalSecret" ? "ClusterExternalSecret" : "ExternalSecret", token) };
    }
    case "restart": {
      const token = restartTimestamp(input.nowMs);
      return { token, patch: restartPatch(token) };
    }
  }
}

/** The value our patch writes, as currently found on the object (to tell whether a patch landed). */
export function writtenValue(step: StepRecord, obj: KubeObject): string | undefined {
  const a = obj.metadata.annotations ?? {};
  switch (step.progress) {
    case "suspend":
      return a[SUSPENDED_AT_ANNOTATION];
    case "force-sync":
      return a[step.kind === "ClusterExternalSecret" ? CES_FORCE_SYNC : ES_FORCE_SYNC];
    case "restart":
      return str(at(obj.spec, "template", "metadata", "annotations", RESTARTED_AT));
    default:
      return a[REQUESTED_AT];
  }
}

/** Second-precision values (restart, force-sync) would be a no-op when the object already carries them. */
export function wouldBeNoop(step: StepRecord, obj: KubeObject, token: string): boolean {
  return (step.progress === "restart" || step.progress === "force-sync") && writtenValue(step, obj) === token;
}

export function baselineOf(obj: KubeObject): StepBaseline {
  const ready = conditionOf(obj, "Ready");
  const b: StepBaseline = {};
  const synced = str(obj.status?.syncedResourceVersion);
  const failures = num(obj.status?.failures);
  if (synced) b.syncedResourceVersion = synced;
  if (ready?.message !== undefined) b.readyMessage = ready.message;
  if (ready?.lastTransitionTime) b.readyTransition = ready.lastTransitionTime;
  if (failures !== undefined) b.failures = failures;
  return b;
}

/** "oidc:f3b1… (Alice Admin; groups oidc:admins)": the stable subject first, then the display name and groups. */
export function actorLabel(subject: string, displayName: string, groups: readonly string[]): string {
  const parts = [...(displayName && displayName !== subject ? [displayName] : []), ...(groups.length ? [`groups ${groups.join(", ")}`] : [])];
  return parts.length ? `${subject} (${parts.join("; ")})` : subject;
}

/** The message of the Event recorded on the object. `subject` is the impersonated Kubernetes user, `user` the display name. */
export function eventMessage(input: { subject: string; user: string; groups: string[]; action: ActionName; step: StepRecord; target: string; token: string; reason: string | null }): string {
  const who = actorLabel(input.subject, input.user, input.groups);
  const what = input.step.role === "source" ? `${input.action} of this source, before ${input.target}` : input.action;
  const why = input.reason ? `: ${input.reason}` : "";
  return `${who} requested ${what} through Fluxtower (token ${input.token})${why}`;
}
