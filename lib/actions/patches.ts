// Pure builders of the JSON merge patches (RFC 7386, `application/merge-patch+json`) every action sends.
// These are the only mutations Fluxtower makes to cluster objects (SECURITY.md S7): no generic apply or edit.
import { SUSPENDED_AT_ANNOTATION, SUSPENDED_BY_ANNOTATION, SUSPENDED_REASON_ANNOTATION } from "@/lib/health/getters";

/** Content type of every write. */
export const MERGE_PATCH = "application/merge-patch+json";
/**
 * The field manager of every write. It must NOT start with "kubectl": kustomize-controller strips fields owned by
 * managers with that prefix, which would undo a restart on the next apply (DOMAIN.md §1.2, §3).
 */
export const FIELD_MANAGER = "fluxtower";

export const REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";
export const FORCE_AT = "reconcile.fluxcd.io/forceAt";
export const RESET_AT = "reconcile.fluxcd.io/resetAt";
export const ES_FORCE_SYNC = "force-sync";
export const CES_FORCE_SYNC = "external-secrets.io/force-sync";
export const RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

export type MergePatch = { [key: string]: MergePatch | string | number | boolean | null };

function annotations(values: Record<string, string | null>): MergePatch {
  return { metadata: { annotations: values } };
}

/** `flux reconcile`: requestedAt = token. */
export function reconcilePatch(token: string): MergePatch {
  return annotations({ [REQUESTED_AT]: token });
}

/** `flux reconcile hr --force`: requestedAt and forceAt with the same token. */
export function forcePatch(token: string): MergePatch {
  return annotations({ [REQUESTED_AT]: token, [FORCE_AT]: token });
}

/** `flux reconcile hr --reset`: requestedAt and resetAt with the same token. */
export function resetPatch(token: string): MergePatch {
  return annotations({ [REQUESTED_AT]: token, [RESET_AT]: token });
}

/**
 * Our annotation beside Flux Operator's suspendedBy: the display name of who suspended the object. suspendedBy
 * itself holds the stable subject — the Kubernetes user the patch was sent as (impersonated), which is also what the
 * API server's audit log records; display names change and collide.
 */
export const SUSPENDED_BY_NAME_ANNOTATION = "fluxtower.dev/suspended-by-name";

/** Suspend: spec.suspend true, plus who (Flux Operator's annotation: the subject; ours: the display name), why and when. */
export function suspendPatch(input: { subject: string; displayName: string; reason: string; at: string }): MergePatch {
  return {
    spec: { suspend: true },
    metadata: {
      annotations: {
        [SUSPENDED_BY_ANNOTATION]: input.subject,
        [SUSPENDED_BY_NAME_ANNOTATION]: input.displayName,
        [SUSPENDED_REASON_ANNOTATION]: input.reason,
        [SUSPENDED_AT_ANNOTATION]: input.at,
      },
    },
  };
}

/**
 * Resume: remove spec.suspend (merge-patch null — not `false`, so a Git manifest without the field stays in sync),
 * remove the suspend annotations and request a reconcile with a token.
 */
export function resumePatch(token: string): MergePatch {
  return {
    spec: { suspend: null },
    metadata: {
      annotations: {
        [SUSPENDED_BY_ANNOTATION]: null,
        [SUSPENDED_BY_NAME_ANNOTATION]: null,
        [SUSPENDED_REASON_ANNOTATION]: null,
        [SUSPENDED_AT_ANNOTATION]: null,
        [REQUESTED_AT]: token,
      },
    },
  };
}

/** ESO force-sync: `force-sync` on an ExternalSecret, `external-secrets.io/force-sync` on a ClusterExternalSecret. */
export function forceSyncPatch(kind: "ExternalSecret" | "ClusterExternalSecret", unixSeconds: string): MergePatch {
  return annotations({ [kind === "ClusterExternalSecret" ? CES_FORCE_SYNC : ES_FORCE_SYNC]: unixSeconds });
}

/** Rollout restart: the pod template annotation `kubectl.kubernetes.io/restartedAt` (merge patch, our manager). */
export function restartPatch(timestamp: string): MergePatch {
  return { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: timestamp } } } } };
}

/** Suspend reasons are free text; keep them to one printable paragraph of bounded size. */
export const MAX_REASON_LENGTH = 500;

export function normalizeReason(reason: string | undefined): string {
  return (reason ?? "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_REASON_LENGTH);
}
