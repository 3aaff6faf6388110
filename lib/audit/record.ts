// The app's audit entry point: writes one append-only row (lib/db/audit.ts has no update or delete) and a log line.
import { recordAuditEvent, type AuditEventInput } from "@/lib/db/audit";
import { logger } from "@/lib/log/logger";

export type { AuditOutcome } from "@/lib/db/audit";
export type AuditInput = AuditEventInput;

export async function recordAudit(input: AuditInput): Promise<void> {
  await recordAuditEvent(input);
  logger.info({ audit: { action: input.action, actor: input.actor, outcome: input.outcome, requestId: input.requestId } }, "audit");
}
