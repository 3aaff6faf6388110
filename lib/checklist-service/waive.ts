// Waivers: requested by one person for one item of one release, with a reason, an optional ticket and a
// mandatory expiry (at most FLUXTOWER_WAIVER_MAX_DAYS); approved by another person with the approve permission.
import "server-only";
import { checkById, validateWaiverRequest } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { assertCanDecide, requireSubject } from "./access";
import { auditChecklist, type AuditContext } from "./audit";
import { waiverMaxDays } from "./limits";
import { checklistMonitor } from "./monitor";
import type { WaiverBody } from "./schemas";
import { findWaiver, insertWaiver, markWaiverApproved } from "./store/waivers";
import { keyOf } from "./subjects";
import { waiverViews } from "./views";

export async function requestWaiver(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  body: WaiverBody,
  requestId: string,
) {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const check = checkById(body.checkId);
  if (!check) throw new AppError("bad_request", `Unknown checklist item "${body.checkId}"`);
  const now = new Date();
  const ticketUrl = body.ticketUrl || undefined;
  const problems = validateWaiverRequest(
    {
      checkId: check.id,
      reason: body.reason,
      ticketUrl,
      requestedBy: user.name,
      createdAt: now.toISOString(),
      expiresAt: new Date(body.expiresAt).toISOString(),
    },
    waiverMaxDays(),
  );
  if (problems.length) throw new AppError("bad_request", `Waiver for ${check.id} refused: ${problems.join("; ")}`);
  const subject = keyOf(cluster, release);
  const row = await insertWaiver(subject, {
    checkId: check.id,
    reason: body.reason,
    ticketUrl,
    requestedBy: user.name,
    requestedBySubject: user.subject,
    createdAt: now,
    expiresAt: new Date(body.expiresAt),
  });
  await auditChecklist(
    { user, requestId, subject },
    "checklist.waiver.request",
    "success",
    `Requested a waiver for ${check.id} until ${row.expiresAt}`,
    {
      waiverId: row.id,
      checkId: check.id,
      reason: body.reason,
      expiresAt: row.expiresAt,
    },
  );
  checklistMonitor(cache).kick(subject.namespace, subject.release);
  return { waiver: waiverViews([row], now)[0] };
}

export async function approveWaiver(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  id: string,
  comment: string | undefined,
  requestId: string,
) {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const subject = keyOf(cluster, release);
  const ctx: AuditContext = { user, requestId, subject };
  const row = await findWaiver(subject, id);
  if (!row) throw new AppError("not_found", `No waiver ${id} for ${namespace}/${name}`);
  if (row.state !== "requested")
    throw new AppError("conflict", `Waiver ${id} was already approved by ${row.approvedBy ?? "someone"}`);
  try {
    assertCanDecide(user, { subject: row.requestedBySubject, name: row.requestedBy }, "waiver");
  } catch (err) {
    await auditChecklist(ctx, "checklist.waiver.approve", "denied", err instanceof Error ? err.message : String(err), {
      waiverId: id,
      checkId: row.checkId,
    });
    throw err;
  }
  const now = new Date();
  if (Date.parse(row.expiresAt) <= now.getTime())
    throw new AppError("conflict", `Waiver ${id} expired on ${row.expiresAt}; request a new one`);
  if (!(await markWaiverApproved(id, { name: user.name, subject: user.subject }, comment || undefined, now))) {
    throw new AppError("conflict", `Waiver ${id} was decided by someone else in the meantime`);
  }
  await auditChecklist(
    ctx,
    "checklist.waiver.approve",
    "success",
    `Approved the waiver for ${row.checkId} requested by ${row.requestedBy}`,
    {
      waiverId: id,
      checkId: row.checkId,
      expiresAt: row.expiresAt,
    },
  );
  checklistMonitor(cache).kick(subject.namespace, subject.release);
  const approved = await findWaiver(subject, id);
  if (!approved) throw new AppError("not_found", `Waiver ${id} disappeared`);
  return { waiver: waiverViews([approved], now)[0] };
}
