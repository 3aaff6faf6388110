// One audit row per action request (accepted, denied or failed), with who, what, why, token, outcome and the written
// object's resourceVersion before and after the PATCH (detail.resourceVersionBefore/After, see request.ts).
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { recordAudit, type AuditOutcome } from "@/lib/audit/record";
import { AppError } from "@/lib/http/errors";
import { KubeHttpError } from "@/lib/k8s/transport";
import { logger } from "@/lib/log/logger";
import type { ActionRequest } from "./types";

export interface ActionAuditInput {
  user: Principal;
  cluster: string;
  requestId: string;
  req: ActionRequest;
  outcome: AuditOutcome;
  message: string;
  token?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Denied = refused by role, rate limit, RBAC or the object's state; anything else that went wrong = failure. */
export function outcomeOf(err: unknown): AuditOutcome {
  if (err instanceof AppError) return ["forbidden", "rate_limited", "conflict", "read_only"].includes(err.code) ? "denied" : "failure";
  if (err instanceof KubeHttpError) return err.status === 403 ? "denied" : "failure";
  return "failure";
}

/**
 * Writes the audit row. A failing audit write is logged as an error and does not undo or hide the action's own
 * result (the Operation row records it as well).
 */
export async function auditAction(input: ActionAuditInput): Promise<void> {
  try {
    await recordAudit({
      requestId: input.requestId,
      actor: input.user.name,
      actorSubject: input.user.subject,
      groups: input.user.groups,
      action: `action.${input.req.action}`,
      cluster: input.cluster,
      resource: input.req.resource,
      namespace: input.req.namespace,
      name: input.req.name,
      reason: input.reason ?? input.req.reason ?? undefined,
      token: input.token ?? undefined,
      outcome: input.outcome,
      message: input.message,
      detail: { kubeUser: input.user.kubeUser, withSource: input.req.withSource === true, ...input.detail },
    });
  } catch (err) {
    logger.error({ requestId: input.requestId, err: err instanceof Error ? err.message : String(err) }, "could not write the audit row of an action");
  }
}
