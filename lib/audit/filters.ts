// Audit log filters shared by GET /api/v1/audit and the Audit page: user (name contains), action (prefix),
// target (cluster/resource/namespace/name contains), outcome, time range [from, to) in UTC, limit.
import { z } from "zod";
import type { AuditQuery } from "@/lib/db/audit";

const blankIsUnset = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), inner.optional());

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_MINUTES = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** "2025-01-31", "2025-01-31T10:20" (a datetime-local input, read as UTC) or a full ISO 8601 time. */
const instant = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    const text = DATE_ONLY.test(v) ? `${v}T00:00:00Z` : LOCAL_MINUTES.test(v) ? `${v}Z` : v;
    const d = new Date(text);
    if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v)) {
      ctx.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD) or an ISO 8601 time" });
      return z.NEVER;
    }
    return { at: d, dateOnly: DATE_ONLY.test(v) };
  });

export const auditFilterSchema = z.object({
  user: blankIsUnset(z.string().trim().max(128)),
  action: blankIsUnset(z.string().trim().max(128)),
  target: blankIsUnset(z.string().trim().max(256)),
  outcome: blankIsUnset(z.enum(["success", "failure", "denied"])),
  from: blankIsUnset(instant),
  to: blankIsUnset(instant),
  limit: blankIsUnset(z.coerce.number().int().min(1).max(1000)),
});

export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** Filters → a database query. A date-only `to` includes that whole day. */
export function toAuditQuery(f: AuditFilters, limit = f.limit ?? 200): AuditQuery & { limit: number } {
  const to = f.to ? (f.to.dateOnly ? new Date(f.to.at.getTime() + 86_400_000) : f.to.at) : undefined;
  return {
    limit,
    actorContains: f.user,
    actionPrefix: f.action,
    target: f.target,
    outcome: f.outcome,
    since: f.from?.at,
    before: to,
  };
}
