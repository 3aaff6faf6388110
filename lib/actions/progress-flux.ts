// Progress of Flux requests (reconcile, force, reset, suspend, resume), following the flux CLI with one
// improvement: acknowledged means `status.lastHandledReconcileAt` EQUALS our token (not merely changed), so
// concurrent requests do not race (DOMAIN.md §1.1, §7.4). Pure module.
import { conditionOf, suspendInfo, unobservedGeneration } from "@/lib/health";
import { at, num, str } from "@/lib/health/read";
import type { Condition, KubeObject } from "@/lib/kinds/object";
import type { StepProgress, StepRecord } from "./types";

const CONTROLLERS: Record<string, string> = {
  Kustomization: "kustomize-controller",
  HelmRelease: "helm-controller",
};

function controllerOf(kind: string): string {
  return CONTROLLERS[kind] ?? "source-controller";
}

function suspendedMessage(obj: KubeObject, when: string): string {
  const info = suspendInfo(obj);
  const by = info.by ? ` by ${info.by}` : "";
  const why = info.reason ? ` (${info.reason})` : "";
  return `${obj.kind} was suspended${by}${why} ${when}; the controller will not handle the request`;
}

/**
 * After the controller took the request: Stalled → failed; generation not yet observed or Reconciling=True →
 * reconciling; Ready True → succeeded; Ready False → failed with Ready's message; otherwise still waiting.
 * `Reconciling=True` with reason ProgressingWithRetry means the attempt failed and the controller retries later:
 * that is a failed request (with the retry note), not progress.
 */
export function fluxSettle(obj: KubeObject): StepProgress {
  const ready = conditionOf(obj, "Ready");
  const stalled = conditionOf(obj, "Stalled");
  const reconciling = conditionOf(obj, "Reconciling");
  if (stalled?.status === "True") {
    const head = `${stalled.reason || "Stalled"}: ${stalled.message || "reconciliation stalled"}`;
    const tail = ready?.status === "False" && ready.message && ready.message !== stalled.message ? `; ${ready.message}` : "";
    return { state: "failed", message: head + tail };
  }
  const gen = unobservedGeneration(obj, ready);
  if (gen || (typeof obj.status?.observedGeneration === "number" && obj.status.observedGeneration < 1)) {
    return { state: "reconciling", message: `waiting for ${controllerOf(obj.kind)} to observe generation ${gen?.desired ?? obj.metadata.generation ?? 1}` };
  }
  const retrying = reconciling?.status === "True" && reconciling.reason === "ProgressingWithRetry";
  if (reconciling?.status === "True" && !retrying) {
    return { state: "reconciling", message: reconciling.message || "reconciliation in progress" };
  }
  if (!ready) return { state: "acknowledged", message: `${controllerOf(obj.kind)} took the request; waiting for the Ready condition` };
  if (ready.status === "True") return { state: "succeeded", message: successMessage(obj, ready.message) };
  if (ready.status === "False") {
    const retry = retrying && reconciling?.message && reconciling.message !== ready.message ? ` (${reconciling.message})` : "";
    return { state: "failed", message: `${ready.message || ready.reason || "not ready"}${retry}` };
  }
  return { state: "acknowledged", message: ready.message || "waiting for the Ready condition to settle" };
}

function successMessage(obj: KubeObject, readyMessage: string | undefined): string {
  const revision = str(at(obj.status, "artifact", "revision"));
  if (revision && ["GitRepository", "HelmRepository", "OCIRepository", "HelmChart", "Bucket"].includes(obj.kind)) {
    return `fetched revision ${revision}`;
  }
  return readyMessage || "Ready";
}

const seconds = (t: string | undefined) => (t ? Math.floor(Date.parse(t) / 1000) : NaN);

/** Reconciling=True that began at or after our request was sent: the controller is working and will handle it. */
function startedSince(obj: KubeObject, sentAt: string | undefined): Condition | undefined {
  const rec = conditionOf(obj, "Reconciling");
  if (rec?.status !== "True" || rec.reason === "ProgressingWithRetry") return undefined;
  return seconds(rec.lastTransitionTime) >= seconds(sentAt) ? rec : undefined;
}

function withResetNote(step: StepRecord, obj: KubeObject, p: StepProgress): StepProgress {
  const before = step.baseline?.failures ?? 0;
  if (step.progress !== "reset" || p.state === "failed" || before === 0 || (num(obj.status?.failures) ?? 0) !== 0) return p;
  return { ...p, message: `failure counters cleared (were ${before}); ${p.message}` };
}

/**
 * reconcile / force / reset. Flux controllers record `lastHandledReconcileAt` when the reconcile ENDS; helm-controller
 * records `lastHandledForceAt` / `lastHandledResetAt` when the action starts. So: force/reset handled → acknowledged
 * (reconciling while Reconciling=True); a Reconciling=True that began after our request → reconciling; our token in
 * lastHandledReconcileAt → settle (Ready decides). A reconcile handled without the force/reset it carried is a
 * failure (the controller ignores them when they differ from requestedAt, or predates helm-controller v0.37).
 */
export function evaluateFluxRequest(step: StepRecord, obj: KubeObject): StepProgress {
  const s = obj.status ?? {};
  const handled = !!step.token && str(s.lastHandledReconcileAt) === step.token;
  const specialField = step.progress === "force" ? "lastHandledForceAt" : step.progress === "reset" ? "lastHandledResetAt" : undefined;
  const specialHandled = !!specialField && str(s[specialField]) === step.token;
  const what = step.progress === "force" ? "the forced upgrade" : step.progress === "reset" ? "the reset" : "the request";
  if (handled) {
    if (specialField && !specialHandled) {
      return { state: "failed", message: `${controllerOf(obj.kind)} handled the reconcile but not ${what} (it needs helm-controller v0.37 or later)` };
    }
    return withResetNote(step, obj, fluxSettle(obj));
  }
  if (suspendInfo(obj).suspended) return { state: "failed", message: suspendedMessage(obj, "before the request was handled") };
  const stalled = conditionOf(obj, "Stalled");
  if (specialHandled) {
    if (stalled?.status === "True") return fluxSettle(obj);
    const rec = conditionOf(obj, "Reconciling");
    if (rec?.status === "True") return withResetNote(step, obj, { state: "reconciling", message: rec.message || "reconciliation in progress" });
    return withResetNote(step, obj, { state: "acknowledged", message: `${controllerOf(obj.kind)} took ${what}` });
  }
  const started = startedSince(obj, step.sentAt);
  if (started) return { state: "reconciling", message: started.message || "reconciliation in progress" };
  const rec = conditionOf(obj, "Reconciling");
  const busy = rec?.status === "True" && rec.message ? ` (busy: ${rec.message})` : "";
  return { state: "requested", message: `waiting for ${controllerOf(obj.kind)} to pick up ${what}${busy}` };
}

/** suspend: done as soon as the object shows spec.suspend (the controller only skips it). */
export function evaluateSuspend(obj: KubeObject): StepProgress {
  const info = suspendInfo(obj);
  if (!info.suspended) return { state: "requested", message: "waiting for the object to show spec.suspend" };
  const why = info.reason ? `: ${info.reason}` : "";
  return { state: "succeeded", message: `suspended${info.by ? ` by ${info.by}` : ""}${why}` };
}

/**
 * resume: acknowledged when the controller handled our token or observed the generation our patch produced; done
 * when Ready=True for the current generation (flux CLI `isObjectReady`).
 */
export function evaluateResume(step: StepRecord, obj: KubeObject): StepProgress {
  // The watch cache can still hold the object as it was before our PATCH: only a generation at or past the one our
  // write produced says anything about the outcome.
  const generation = num(obj.metadata.generation);
  if (step.generation !== undefined && generation !== undefined && generation < step.generation) {
    return { state: "requested", message: "waiting for the resumed object to reach the cache" };
  }
  if (suspendInfo(obj).suspended) return { state: "failed", message: suspendedMessage(obj, "again") };
  const observed = num(obj.status?.observedGeneration);
  const tokenHandled = !!step.token && str(obj.status?.lastHandledReconcileAt) === step.token;
  const generationSeen = step.generation !== undefined && observed !== undefined && observed >= step.generation;
  if (!tokenHandled && !generationSeen) {
    const started = startedSince(obj, step.sentAt);
    if (started) return { state: "reconciling", message: started.message || "reconciliation in progress" };
    return { state: "requested", message: `waiting for ${controllerOf(obj.kind)} to observe generation ${step.generation ?? "?"}` };
  }
  return fluxSettle(obj);
}
