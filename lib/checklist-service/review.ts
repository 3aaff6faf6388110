// Review and sign-off: a user requests a review; a different user with the approve permission approves (storing
// the immutable, hashed evidence snapshot of the current evaluation) or rejects, both with a comment.
import "server-only";
import { buildEvidenceSnapshot } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { assertCanDecide, requireSubject } from "./access";
import { auditChecklist, type AuditContext } from "./audit";
import { evaluateRelease } from "./evaluate";
import { SIGNOFF_DAYS } from "./limits";
import { checklistMonitor } from "./monitor";
import { decideReview, findReview, insertReview, listReviews, toReviewView } from "./store/reviews";
import { keyOf } from "./subjects";

export async function requestReview(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  comment: string | undefined,
  requestId: string,
) {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const subject = keyOf(cluster, release);
  const open = (await listReviews(subject, 20)).find((r) => r.state === "requested");
  if (open)
    throw new AppError(
      "conflict",
      `A review is already requested (by ${open.requestedBy} at ${open.requestedAt.toISOString()}); decide it first`,
    );
  const row = await insertReview(subject, { name: user.name, subject: user.subject }, comment ?? "", new Date());
  await auditChecklist(
    { user, requestId, subject },
    "checklist.review.request",
    "success",
    `Requested a production-readiness review`,
    { reviewId: row.id },
  );
  checklistMonitor(cache).kick(subject.namespace, subject.release);
  return { review: toReviewView(row) };
}

function signerName(user: Principal): string {
  return user.subject === user.name ? user.name : `${user.name} <${user.subject}>`;
}

export async function decide(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  id: string,
  decision: "approve" | "reject",
  comment: string | undefined,
  requestId: string,
) {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const subject = keyOf(cluster, release);
  const ctx: AuditContext = { user, requestId, subject };
  const action = `checklist.review.${decision}`;
  const row = await findReview(subject, id);
  if (!row) throw new AppError("not_found", `No review ${id} for ${namespace}/${name}`);
  if (row.state !== "requested")
    throw new AppError("conflict", `Review ${id} was already ${row.state} by ${row.decidedBy ?? "someone"}`);
  try {
    assertCanDecide(user, { subject: row.requestedBySubject, name: row.requestedBy }, "review");
  } catch (err) {
    await auditChecklist(ctx, action, "denied", err instanceof Error ? err.message : String(err), { reviewId: id });
    throw err;
  }
  const now = new Date();
  let evidence: { text: string; hash: string; expiresAt: Date } | undefined;
  if (decision === "approve") {
    const ev = await evaluateRelease(cache, release, now);
    const open = ev.result.items.filter(
      (i) => i.blocking && !["pass", "attested", "waived", "not-applicable"].includes(i.status),
    );
    if (ev.result.gate === "fail" && !comment) {
      throw new AppError(
        "bad_request",
        `The gate fails (${open.length} blocking item(s) open: ${open.map((i) => i.id).join(", ")}); approving anyway needs a comment that says why`,
      );
    }
    const snap = buildEvidenceSnapshot(
      ev.result,
      ev.snapshot,
      { name: signerName(user), groups: user.groups },
      now.toISOString(),
      SIGNOFF_DAYS,
    );
    evidence = { text: JSON.stringify(snap), hash: snap.hash, expiresAt: new Date(snap.expiresAt) };
  }
  const ok = await decideReview(id, {
    state: decision === "approve" ? "approved" : "rejected",
    by: { name: user.name, subject: user.subject },
    comment: comment ?? "",
    at: now,
    evidence,
  });
  if (!ok) throw new AppError("conflict", `Review ${id} was decided by someone else in the meantime`);
  await auditChecklist(
    ctx,
    action,
    "success",
    `${decision === "approve" ? "Approved" : "Rejected"} the review requested by ${row.requestedBy}`,
    {
      reviewId: id,
      ...(evidence ? { evidenceHash: evidence.hash, expiresAt: evidence.expiresAt.toISOString() } : {}),
    },
  );
  checklistMonitor(cache).kick(subject.namespace, subject.release);
  const decided = await findReview(subject, id);
  if (!decided) throw new AppError("not_found", `Review ${id} disappeared`);
  return { review: toReviewView(decided) };
}

/** The requester takes an undecided request back (nobody else may withdraw it). */
export async function withdrawReview(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  id: string,
  requestId: string,
) {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const subject = keyOf(cluster, release);
  const row = await findReview(subject, id);
  if (!row) throw new AppError("not_found", `No review ${id} for ${namespace}/${name}`);
  if (row.state !== "requested") throw new AppError("conflict", `Review ${id} was already ${row.state}`);
  if (row.requestedBySubject !== user.subject) {
    await auditChecklist(
      { user, requestId, subject },
      "checklist.review.withdraw",
      "denied",
      "Only the requester may withdraw a review request",
      { reviewId: id },
    );
    throw new AppError("forbidden", `Only ${row.requestedBy}, who requested this review, may withdraw it`);
  }
  if (
    !(await decideReview(id, {
      state: "withdrawn",
      by: { name: user.name, subject: user.subject },
      comment: "",
      at: new Date(),
    }))
  ) {
    throw new AppError("conflict", `Review ${id} was decided by someone else in the meantime`);
  }
  await auditChecklist(
    { user, requestId, subject },
    "checklist.review.withdraw",
    "success",
    "Withdrew the review request",
    { reviewId: id },
  );
  checklistMonitor(cache).kick(subject.namespace, subject.release);
  const after = await findReview(subject, id);
  if (!after) throw new AppError("not_found", `Review ${id} disappeared`);
  return { review: toReviewView(after) };
}
