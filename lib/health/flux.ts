// Health of Flux kinds (sources, Kustomization, HelmRelease), in the rule order of DESIGN.md §3. Pure module.
import type { Condition, KubeObject } from "../kinds/object";
import { helmReleaseExtras, kustomizationExtras } from "./flux-extras";
import { isFluxSourceKind, ociHelmRepositoryVerdict, sourceArtifactRule } from "./flux-sources";
import { conditionOf, suspendInfo } from "./getters";
import { deletionVerdict } from "./lifecycle";
import type { HealthContext, Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

/** Kinds evaluated by {@link fluxHealth}. */
export const FLUX_KINDS = new Set([
  "GitRepository",
  "HelmRepository",
  "OCIRepository",
  "HelmChart",
  "Bucket",
  "Kustomization",
  "HelmRelease",
]);

/**
 * Health of a Flux object. Order: deletion pending → suspended → generation not yet observed (stale) →
 * Stalled=True → Reconciling=True → Ready True/False/Unknown → no conditions ("waiting to be reconciled").
 * Then kind rules: a source without an artifact is never Healthy; Kustomization and HelmRelease get extras.
 *
 * Deviation from a naive reading of the order, deliberately: Flux keeps `Reconciling=True` with reason
 * `ProgressingWithRetry` on objects whose last attempt FAILED (Ready=False) and that will retry; those are judged by
 * their Ready condition (Degraded), not shown as Progressing forever.
 */
export function fluxHealth(obj: KubeObject, ctx?: HealthContext): Verdict {
  const deleting = deletionVerdict(obj, ctx);
  if (deleting) return deleting;
  if (suspendInfo(obj).suspended) return suspendedVerdict(obj);
  if (obj.kind === "HelmRepository" && obj.spec?.type === "oci") return ociHelmRepositoryVerdict();

  let v = conditionsVerdict(obj);
  if (v.stale) return v;
  if (isFluxSourceKind(obj.kind)) v = sourceArtifactRule(obj, v);
  if (obj.kind === "Kustomization") v = kustomizationExtras(obj, v);
  if (obj.kind === "HelmRelease") v = helmReleaseExtras(obj, v);
  return v;
}

/** Suspended verdict with who/why/when from the suspend annotations. */
export function suspendedVerdict(obj: KubeObject): Verdict {
  const info = suspendInfo(obj);
  let message = "reconciliation suspended";
  if (info.by) message += ` by ${info.by}`;
  if (info.at) message += ` at ${info.at}`;
  if (info.reason) message += `: ${info.reason}`;
  return verdict("Suspended", "Suspended", message);
}

/**
 * The generation the controller has not yet observed, following the flux CLI (`readiness.go`): the Ready
 * condition's own observedGeneration when non-zero, else `status.observedGeneration`. Undefined when observed
 * (or when the object carries no generation information at all).
 */
export function unobservedGeneration(
  obj: KubeObject,
  ready?: Condition,
): { desired: number; observed: number } | undefined {
  const desired = obj.metadata.generation;
  if (desired === undefined) return undefined;
  const fromReady = ready?.observedGeneration;
  if (fromReady !== undefined && fromReady !== 0) {
    return fromReady !== desired ? { desired, observed: fromReady } : undefined;
  }
  const observed = obj.status?.observedGeneration;
  if (typeof observed !== "number") return undefined;
  return observed !== desired ? { desired, observed } : undefined;
}

function conditionsVerdict(obj: KubeObject): Verdict {
  const ready = conditionOf(obj, "Ready");
  const stalled = conditionOf(obj, "Stalled");
  const reconciling = conditionOf(obj, "Reconciling");
  const isReconciling = reconciling?.status === "True";
  const retrying = isReconciling && reconciling?.reason === "ProgressingWithRetry";

  const gen = unobservedGeneration(obj, ready);
  if (gen) {
    const detail = isReconciling && reconciling?.message ? `: ${reconciling.message}` : "";
    return verdict(
      "Progressing",
      "LatestGenerationNotObserved",
      `waiting for the controller to observe generation ${gen.desired} (last observed ${gen.observed})${detail}`,
      { stale: true },
    );
  }

  if (stalled?.status === "True") {
    const reason = stalled.reason || "Stalled";
    let message = stalled.message || "reconciliation stalled";
    if (ready?.status === "False" && ready.message && ready.message !== stalled.message) {
      message += `; last error: ${ready.message}`;
    }
    return verdict("Degraded", reason, message, { stalled: true, offerReset: reason === "RetriesExceeded" });
  }

  if (isReconciling && !retrying) {
    return verdict(
      "Progressing",
      reconciling?.reason || "Progressing",
      reconciling?.message || "reconciliation in progress",
    );
  }

  if (ready) {
    const v = readyVerdict(ready);
    return retrying && reconciling?.message && reconciling.message !== ready.message
      ? withExtra(v, `will retry: ${reconciling.message}`)
      : v;
  }
  if (isReconciling) {
    return verdict(
      "Progressing",
      reconciling?.reason || "Progressing",
      reconciling?.message || "reconciliation in progress",
    );
  }
  return verdict("Progressing", "WaitingToBeReconciled", "waiting to be reconciled");
}

function readyVerdict(ready: Condition): Verdict {
  const reason = ready.reason || "Ready";
  const message = ready.message || "";
  if (ready.status === "True") return verdict("Healthy", reason, message);
  if (ready.status === "False") {
    if (reason === "DependencyNotReady") {
      return verdict("Progressing", reason, `waiting for dependency: ${message || "dependencies not ready"}`);
    }
    return verdict("Degraded", reason, message || "not ready");
  }
  return verdict("Progressing", ready.reason || "Progressing", message || "reconciliation in progress");
}
