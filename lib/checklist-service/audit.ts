// Audit rows for checklist input and decisions (one per request, denied attempts included).
import "server-only";
import { recordAudit, type AuditOutcome } from "@/lib/audit/record";
import type { Principal } from "@/lib/auth/principal";
import type { JsonObject } from "@/lib/db/json-text";
import type { SubjectKey } from "./subjects";

export interface AuditContext {
  user: Principal;
  requestId: string;
  subject: SubjectKey;
}

export function auditChecklist(
  ctx: AuditContext,
  action: string,
  outcome: AuditOutcome,
  message: string,
  detail: JsonObject = {},
): Promise<void> {
  return recordAudit({
    requestId: ctx.requestId,
    actor: ctx.user.name,
    actorSubject: ctx.user.subject,
    groups: ctx.user.groups,
    action,
    cluster: ctx.subject.cluster,
    resource: "helmreleases",
    namespace: ctx.subject.namespace,
    name: ctx.subject.release,
    outcome,
    message,
    detail,
  });
}
