// Small pure getters over KubeObjects, used by lib/health, lib/graph and the API's list views.
import type { Condition, KubeObject } from "../kinds/object";
import { at, bool, rec, recs, str } from "./read";
import { parseTime } from "./time";

/** Annotation Flux Operator (and we) use to record who suspended an object. */
export const SUSPENDED_BY_ANNOTATION = "fluxcd.controlplane.io/suspendedBy";
/** Our annotation: why the object was suspended (free text from the user). */
export const SUSPENDED_REASON_ANNOTATION = "fluxtower.dev/suspended-reason";
/** Our annotation: when the object was suspended (RFC 3339). */
export const SUSPENDED_AT_ANNOTATION = "fluxtower.dev/suspended-at";

const FLUX_SOURCE_KINDS = new Set(["GitRepository", "HelmRepository", "OCIRepository", "HelmChart", "Bucket"]);

/** The condition of the given type in `status.conditions`, if present (first match). */
export function conditionOf(obj: KubeObject, type: string): Condition | undefined {
  const conds = obj.status?.conditions;
  if (!Array.isArray(conds)) return undefined;
  return conds.find((c) => c && c.type === type);
}

/** True when `spec.suspend` is true (Flux kinds; Jobs use the same field). */
export function isSuspended(obj: KubeObject): boolean {
  return bool(obj.spec?.suspend) === true;
}

/** Who/why/when an object was suspended, from annotations; `suspended` mirrors `spec.suspend`. */
export interface SuspendInfo {
  suspended: boolean;
  by?: string;
  reason?: string;
  at?: string;
}

/**
 * Suspension details: `spec.suspend` plus the annotations `fluxcd.controlplane.io/suspendedBy`,
 * `fluxtower.dev/suspended-reason` and `fluxtower.dev/suspended-at`. Annotations are reported even when the
 * object is no longer suspended (the UI decides whether to show them).
 */
export function suspendInfo(obj: KubeObject): SuspendInfo {
  const a = obj.metadata.annotations ?? {};
  const info: SuspendInfo = { suspended: isSuspended(obj) };
  const by = str(a[SUSPENDED_BY_ANNOTATION]);
  const reason = str(a[SUSPENDED_REASON_ANNOTATION]);
  const when = str(a[SUSPENDED_AT_ANNOTATION]);
  if (by) info.by = by;
  if (reason) info.reason = reason;
  if (when) info.at = when;
  return info;
}

/**
 * The REVISION column of `flux get`: sources `status.artifact.revision`; Kustomization `status.lastAppliedRevision`;
 * HelmRelease `status.history[0].chartVersion`, else `status.lastAttemptedRevision`. Undefined for other kinds.
 * Returned in full; use {@link shortRevision} for display.
 */
export function revisionOf(obj: KubeObject): string | undefined {
  const status = obj.status;
  if (FLUX_SOURCE_KINDS.has(obj.kind)) return str(at(status, "artifact", "revision"));
  if (obj.kind === "Kustomization") return str(status?.lastAppliedRevision);
  if (obj.kind === "HelmRelease") {
    const first = recs(status?.history)[0];
    return str(first?.chartVersion) ?? str(status?.lastAttemptedRevision);
  }
  return undefined;
}

/** Shortens hex digests the way the flux CLI does: "main@sha1:0f1e2d3c4b…" → "main@sha1:0f1e2d3c". */
export function shortRevision(rev: string): string {
  return rev
    .replace(/\b(sha1|sha256|sha384|sha512|blake3):([0-9a-f]{8})[0-9a-f]+/g, "$1:$2")
    .replace(/\/([0-9a-f]{8})[0-9a-f]{32,}$/, "/$1");
}

/**
 * Best estimate of when the controller last reconciled the object, as RFC 3339, or undefined.
 * Takes the LATEST of: the Ready condition's lastTransitionTime (Flux updates it whenever Ready's status, reason
 * or message changes, e.g. on every new revision), `status.lastHandledReconcileAt` when it is a timestamp (it is the
 * requestedAt token of the last handled manual request, so the object was reconciled at or after it), an
 * ExternalSecret's `status.refreshTime` (last successful sync) and a HelmRelease's `history[0].lastDeployed`.
 * All of these are lower bounds; none is updated by a no-op periodic reconcile.
 */
export function lastReconciledAt(obj: KubeObject): string | undefined {
  const candidates: Array<string | undefined> = [
    conditionOf(obj, "Ready")?.lastTransitionTime,
    str(obj.status?.lastHandledReconcileAt),
    str(obj.status?.refreshTime),
    str(rec(recs(obj.status?.history)[0])?.lastDeployed),
  ];
  let best: { t: number; s: string } | undefined;
  for (const s of candidates) {
    const t = parseTime(s);
    if (s !== undefined && t !== undefined && (!best || t > best.t)) best = { t, s };
  }
  return best ? new Date(best.t).toISOString() : undefined;
}
