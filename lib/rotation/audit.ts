// Audit rows of rotations: the request (start, confirm, cancel, roll back — accepted or refused) and every step
// transition of the journal. Never a value: step messages name Secrets, keys, Jobs and vault items only.
import "server-only";
import { recordAudit, type AuditOutcome } from "@/lib/audit/record";
import type { JsonObject } from "@/lib/db/json-text";
import { logger } from "@/lib/log/logger";
import type { Actor } from "./actors";
import type { RotationRecord } from "./types";

export interface RotationAuditInput {
  requestId: string;
  actor: string;
  actorSubject?: string | null;
  groups: readonly string[];
  action: string;
  cluster: string;
  namespace: string;
  secret: string;
  outcome: AuditOutcome;
  message: string;
  detail?: JsonObject;
}

/** Writes one audit row; a failing write is logged and does not stop the rotation (its journal records it too). */
export async function auditRotation(input: RotationAuditInput): Promise<void> {
  try {
    await recordAudit({
      requestId: input.requestId,
      actor: input.actor,
      actorSubject: input.actorSubject ?? null,
      groups: input.groups,
      action: input.action,
      cluster: input.cluster,
      resource: "secrets",
      namespace: input.namespace,
      name: input.secret,
      outcome: input.outcome,
      message: input.message,
      detail: input.detail,
    });
  } catch (err) {
    logger.error({ action: input.action, err: err instanceof Error ? err.message : String(err) }, "could not write the audit row of a rotation");
  }
}

/** A step transition, recorded in the name of the user the step runs as (actors.ts). */
export function auditStep(r: RotationRecord, step: { index: number; name: string; phase: string }, state: string, message: string, actor: Actor): Promise<void> {
  return auditRotation({
    requestId: r.requestId,
    actor: actor.name,
    actorSubject: actor.subject,
    groups: actor.groups,
    action: "rotation.step",
    cluster: r.cluster,
    namespace: r.namespace,
    secret: r.secret,
    outcome: state === "failed" ? "failure" : "success",
    message: `${r.kind} ${step.phase === "rollback" ? "rollback " : ""}step ${step.name}: ${state}: ${message}`,
    detail: { rotationId: r.id, kind: r.kind, step: step.name, index: step.index, phase: step.phase, state, kubeUser: actor.kubeUser },
  });
}
