// ChecklistReview rows. A review is requested, then decided once (approved with its evidence, or rejected).
// The evidence and its hash are written in that single decision update and never again; staleness is recorded
// once (staleAt/staleReasons) and the Kubernetes Event's delivery in staleNotifiedAt.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { ChecklistReview } from "@/lib/db/generated/sqlite/client";
import type { ReviewView } from "../api-types";
import type { SubjectKey } from "../subjects";
import { stringList } from "./json";

export type ReviewRow = ChecklistReview;

export function reviewState(r: ReviewRow): ReviewView["state"] {
  if (r.state === "requested" || r.state === "approved" || r.state === "rejected" || r.state === "withdrawn")
    return r.state;
  throw new Error(`ChecklistReview ${r.id}: unknown state ${r.state}`);
}

export function toReviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    state: reviewState(r),
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    comment: r.comment,
    decidedBy: r.decidedBy ?? undefined,
    decidedAt: r.decidedAt?.toISOString(),
    decisionComment: r.decisionComment ?? undefined,
    expiresAt: r.expiresAt?.toISOString(),
    evidenceHash: r.evidenceHash ?? undefined,
    staleAt: r.staleAt?.toISOString(),
    staleReasons: stringList(r.staleReasons, "ChecklistReview.staleReasons"),
  };
}

export async function insertReview(
  s: SubjectKey,
  by: { name: string; subject: string },
  comment: string,
  at: Date,
): Promise<ReviewRow> {
  const db = await getDb();
  return db.checklistReview.create({
    data: {
      cluster: s.cluster,
      namespace: s.namespace,
      release: s.release,
      requestedBy: by.name,
      requestedBySubject: by.subject,
      requestedAt: at,
      comment,
      state: "requested",
    },
  });
}

export async function findReview(s: SubjectKey, id: string): Promise<ReviewRow | undefined> {
  const db = await getDb();
  const row = await db.checklistReview.findFirst({
    where: { id, cluster: s.cluster, namespace: s.namespace, release: s.release },
  });
  return row ?? undefined;
}

/** Newest first. */
export async function listReviews(s: SubjectKey, take = 50): Promise<ReviewRow[]> {
  const db = await getDb();
  return db.checklistReview.findMany({
    where: { cluster: s.cluster, namespace: s.namespace, release: s.release },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    take,
  });
}

export interface Decision {
  state: "approved" | "rejected" | "withdrawn";
  by: { name: string; subject: string };
  comment: string;
  at: Date;
  evidence?: { text: string; hash: string; expiresAt: Date };
}

/** requested → approved | rejected | withdrawn, exactly once (evidence written here and nowhere else); false when already decided. */
export async function decideReview(id: string, d: Decision): Promise<boolean> {
  const db = await getDb();
  const res = await db.checklistReview.updateMany({
    where: { id, state: "requested", evidence: null },
    data: {
      state: d.state,
      decidedBy: d.by.name,
      decidedBySubject: d.by.subject,
      decidedAt: d.at,
      decisionComment: d.comment,
      evidence: d.evidence?.text ?? null,
      evidenceHash: d.evidence?.hash ?? null,
      expiresAt: d.evidence?.expiresAt ?? null,
    },
  });
  return res.count === 1;
}

/** Record that an approved sign-off went stale (first detection wins); true for the caller that recorded it. */
export async function markStale(id: string, reasons: string[], at: Date): Promise<boolean> {
  const db = await getDb();
  const res = await db.checklistReview.updateMany({
    where: { id, state: "approved", staleAt: null },
    data: { staleAt: at, staleReasons: JSON.stringify(reasons) },
  });
  return res.count === 1;
}

export async function markStaleNotified(id: string, at: Date): Promise<void> {
  const db = await getDb();
  await db.checklistReview.updateMany({ where: { id, staleNotifiedAt: null }, data: { staleNotifiedAt: at } });
}

/** Approved sign-offs that are stale (recorded) or past expiry, across clusters — for the overview. */
export async function listStaleOrExpired(now: Date): Promise<ReviewRow[]> {
  const db = await getDb();
  return db.checklistReview.findMany({
    where: { state: "approved", OR: [{ staleAt: { not: null } }, { expiresAt: { lte: now } }] },
    orderBy: [{ decidedAt: "desc" }],
    take: 500,
  });
}
