// The sign-off of a release: the newest review decides the state; an approved review is checked against the
// current evaluation (lib/checklist signoffStateDetail). The first time it is found stale this is recorded on the
// review (it stays stale: a new review is needed), audited, and announced with a Kubernetes Event.
import "server-only";
import { randomUUID } from "node:crypto";
import { signoffStateDetail, type EvidenceSnapshot } from "@/lib/checklist";
import { recordAudit } from "@/lib/audit/record";
import { logger } from "@/lib/log/logger";
import type { SignoffView } from "./api-types";
import type { Evaluation } from "./evaluate";
import { postStaleEvent, staleEventPaused, staleMessage } from "./stale-event";
import { jsonValue } from "./store/json";
import { listReviews, markStale, markStaleNotified, toReviewView, type ReviewRow } from "./store/reviews";

const NOTIFY_RETRY_MS = 60_000;
const holder = globalThis as unknown as { fluxtowerStaleNotifyTries?: Map<string, number> };
const lastTry = (holder.fluxtowerStaleNotifyTries ??= new Map());

export function parseEvidence(row: ReviewRow): EvidenceSnapshot {
  if (!row.evidence) throw new Error(`ChecklistReview ${row.id}: approved without evidence`);
  const value = jsonValue(row.evidence, "ChecklistReview.evidence");
  if (
    !value ||
    typeof value !== "object" ||
    (value as { schema?: unknown }).schema !== "fluxtower.checklist.evidence/v1"
  ) {
    throw new Error(`ChecklistReview ${row.id}: evidence is not a fluxtower.checklist.evidence/v1 document`);
  }
  return value as EvidenceSnapshot;
}

async function notify(ev: Evaluation, row: ReviewRow, reasons: string[]): Promise<void> {
  if (staleEventPaused()) return;
  const now = Date.now();
  if (now - (lastTry.get(row.id) ?? 0) < NOTIFY_RETRY_MS) return;
  lastTry.set(row.id, now);
  const s = ev.subject;
  const message = staleMessage(row.decidedBy ?? "unknown", (row.decidedAt ?? row.requestedAt).toISOString(), reasons);
  let delivered = true;
  let failure: string | undefined;
  try {
    await postStaleEvent(s.cluster, ev.release, message);
    await markStaleNotified(row.id, new Date());
  } catch (err) {
    delivered = false;
    failure = err instanceof Error ? err.message : String(err);
    logger.error(
      { cluster: s.cluster, namespace: s.namespace, release: s.release, err: failure },
      "checklist: could not post the SignoffStale Event",
    );
  }
  await recordAudit({
    requestId: randomUUID(),
    actor: "fluxtower",
    action: "checklist.signoff.stale",
    cluster: s.cluster,
    resource: "helmreleases",
    namespace: s.namespace,
    name: s.release,
    outcome: delivered ? "success" : "failure",
    message: delivered ? message : `${message} (Event not posted: ${failure})`,
    detail: { reviewId: row.id, reasons, eventPosted: delivered },
  });
}

/** `record`: persist a newly detected staleness and announce it (false for read-only previews). */
export async function signoffOf(ev: Evaluation, now: Date, record: boolean): Promise<SignoffView> {
  const rows = (await listReviews(ev.subject, 20)).filter((r) => r.state !== "withdrawn");
  const latest = rows[0];
  if (!latest) return { state: "none", reasons: [] };
  const approvedRow = rows.find((r) => r.state === "approved");
  let effective: "approved" | "stale" | "expired" | undefined;
  let reasons: string[] = [];
  if (approvedRow) {
    const detail = signoffStateDetail(parseEvidence(approvedRow), ev.result, ev.facts, now.toISOString());
    const recorded = toReviewView(approvedRow).staleReasons;
    if (detail.state === "stale" && !approvedRow.staleAt && record) {
      if (await markStale(approvedRow.id, detail.reasons, now)) {
        approvedRow.staleAt = now;
        approvedRow.staleReasons = JSON.stringify(detail.reasons);
        await notify(ev, approvedRow, detail.reasons);
      }
    } else if (approvedRow.staleAt && !approvedRow.staleNotifiedAt && record) {
      await notify(ev, approvedRow, recorded);
    }
    if (detail.state === "expired") effective = "expired";
    else if (approvedRow.staleAt || detail.state === "stale") effective = "stale";
    else effective = "approved";
    if (effective === "expired") reasons = detail.reasons;
    else if (effective === "stale")
      reasons = [...new Set([...toReviewView(approvedRow).staleReasons, ...detail.reasons])];
  }
  const review = toReviewView(latest);
  const paused = approvedRow?.staleAt && !approvedRow.staleNotifiedAt ? staleEventPaused() : undefined;
  const notice = paused ? { notice: paused } : {};
  if (latest.state === "approved") return { state: effective ?? "approved", reasons, review, ...notice };
  const view: SignoffView = { state: latest.state === "rejected" ? "rejected" : "requested", reasons: [], review, ...notice };
  if (approvedRow && effective)
    view.approved = { ...toReviewView(approvedRow), state: "approved", effectiveState: effective };
  if (approvedRow && effective !== "approved") view.reasons = reasons;
  return view;
}
