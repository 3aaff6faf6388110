// ChecklistWaiver rows: request, approve once (requested → approved), list.
import "server-only";
import type { Waiver } from "@/lib/checklist";
import { getDb } from "@/lib/db/client";
import type { ChecklistWaiver } from "@/lib/db/generated/sqlite/client";
import type { SubjectKey } from "../subjects";

export interface NewWaiver {
  checkId: string;
  reason: string;
  ticketUrl?: string;
  requestedBy: string;
  requestedBySubject: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface WaiverRow {
  id: string;
  checkId: string;
  reason: string;
  ticketUrl?: string;
  requestedBy: string;
  requestedBySubject: string;
  createdAt: string;
  expiresAt: string;
  state: "requested" | "approved";
  approvedBy?: string;
  approvedAt?: string;
  approvalComment?: string;
}

type Row = ChecklistWaiver;

function toRow(r: Row): WaiverRow {
  if (r.state !== "requested" && r.state !== "approved")
    throw new Error(`ChecklistWaiver ${r.id}: unknown state ${r.state}`);
  return {
    id: r.id,
    checkId: r.checkId,
    reason: r.reason,
    ticketUrl: r.ticketUrl ?? undefined,
    requestedBy: r.requestedBy,
    requestedBySubject: r.requestedBySubject,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    state: r.state,
    approvedBy: r.approvedBy ?? undefined,
    approvedAt: r.approvedAt?.toISOString(),
    approvalComment: r.approvalComment ?? undefined,
  };
}

/** The evaluator's view of a stored waiver (unapproved ones have no approver and do not count). */
export function toWaiver(r: WaiverRow): Waiver {
  return {
    id: r.id,
    checkId: r.checkId,
    reason: r.reason,
    ticketUrl: r.ticketUrl,
    requestedBy: r.requestedBy,
    approvedBy: r.state === "approved" ? r.approvedBy : undefined,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
  };
}

export async function insertWaiver(s: SubjectKey, w: NewWaiver): Promise<WaiverRow> {
  const db = await getDb();
  const row = await db.checklistWaiver.create({
    data: {
      cluster: s.cluster,
      namespace: s.namespace,
      release: s.release,
      ...w,
      ticketUrl: w.ticketUrl ?? null,
      state: "requested",
    },
  });
  return toRow(row);
}

export async function findWaiver(s: SubjectKey, id: string): Promise<WaiverRow | undefined> {
  const db = await getDb();
  const row = await db.checklistWaiver.findFirst({
    where: { id, cluster: s.cluster, namespace: s.namespace, release: s.release },
  });
  return row ? toRow(row) : undefined;
}

/** requested → approved, exactly once; false when someone else decided first. */
export async function markWaiverApproved(
  id: string,
  by: { name: string; subject: string },
  comment: string | undefined,
  at: Date,
): Promise<boolean> {
  const db = await getDb();
  const res = await db.checklistWaiver.updateMany({
    where: { id, state: "requested" },
    data: {
      state: "approved",
      approvedBy: by.name,
      approvedBySubject: by.subject,
      approvedAt: at,
      approvalComment: comment ?? null,
    },
  });
  return res.count === 1;
}

/** Every waiver of a release, newest first. */
export async function listWaivers(s: SubjectKey): Promise<WaiverRow[]> {
  const db = await getDb();
  const rows = await db.checklistWaiver.findMany({
    where: { cluster: s.cluster, namespace: s.namespace, release: s.release },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1000,
  });
  return rows.map(toRow);
}
