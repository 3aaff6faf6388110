"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/api";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ChecklistView, ReviewView } from "@/lib/checklist-service/api-types";
import type { ReleaseRef } from "./queries";
import { SignoffBadge } from "./status-badge";
import { useChecklistAction } from "./use-checklist-action";

const TEXTAREA =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

function day(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : "—";
}

function SignedBy({ review }: { review: ReviewView }) {
  return (
    <p className="text-sm">
      Signed off by <span className="font-medium">{review.decidedBy}</span> <TimeAgo iso={review.decidedAt} /> (review
      requested by {review.requestedBy}), valid until {day(review.expiresAt)}
      {review.decisionComment ? (
        <span className="block text-slate-600 dark:text-slate-400">“{review.decisionComment}”</span>
      ) : null}
      {review.evidenceHash ? (
        <span className="block font-mono text-xs text-slate-500" title="sha256 over the stored evidence snapshot">
          evidence {review.evidenceHash.slice(0, 23)}…
        </span>
      ) : null}
    </p>
  );
}

function RequestReview({ releaseRef, label }: { releaseRef: ReleaseRef; label: string }) {
  const [comment, setComment] = useState("");
  const action = useChecklistAction<{ comment?: string }>(releaseRef, "/reviews");
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <label className="min-w-64 flex-1 text-xs font-medium">
        Note for the reviewer (optional)
        <textarea className={TEXTAREA} rows={1} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <Button
        type="button"
        disabled={action.isPending}
        onClick={() => action.mutate({ comment: comment.trim() || undefined }, { onSuccess: () => setComment("") })}
      >
        {action.isPending ? "Requesting…" : label}
      </Button>
      {action.error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {errorMessage(action.error)}
        </p>
      ) : null}
    </div>
  );
}

function Decide({ releaseRef, review, gate }: { releaseRef: ReleaseRef; review: ReviewView; gate: "pass" | "fail" }) {
  const [comment, setComment] = useState("");
  const path = `/reviews/${encodeURIComponent(review.id)}`;
  const approve = useChecklistAction<{ comment?: string }>(releaseRef, `${path}/approve`);
  const reject = useChecklistAction<{ comment: string }>(releaseRef, `${path}/reject`);
  const error = approve.error ?? reject.error;
  const busy = approve.isPending || reject.isPending;
  return (
    <div className="mt-2 space-y-2" data-testid="review-decision">
      <label className="block text-xs font-medium">
        Comment {gate === "fail" ? "(required: the gate fails, say why you approve anyway)" : "(required to reject)"}
        <textarea className={TEXTAREA} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={() => approve.mutate({ comment: comment.trim() || undefined })}>
          {approve.isPending ? "Approving…" : "Approve and sign off"}
        </Button>
        <Button
          type="button"
          variant="danger"
          disabled={busy}
          onClick={() => reject.mutate({ comment: comment.trim() })}
        >
          {reject.isPending ? "Rejecting…" : "Reject"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorMessage(error)}
        </p>
      ) : null}
    </div>
  );
}

function Withdraw({ releaseRef, review }: { releaseRef: ReleaseRef; review: ReviewView }) {
  const action = useChecklistAction<Record<string, never>>(
    releaseRef,
    `/reviews/${encodeURIComponent(review.id)}/withdraw`,
  );
  return (
    <span className="ml-2 inline-flex items-center gap-2">
      <Button
        type="button"
        variant="ghost"
        className="!py-0.5 text-xs"
        disabled={action.isPending}
        onClick={() => action.mutate({})}
      >
        {action.isPending ? "Withdrawing…" : "Withdraw request"}
      </Button>
      {action.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {errorMessage(action.error)}
        </span>
      ) : null}
    </span>
  );
}

/** Review and sign-off: request, approve or reject (two-person rule), and the signed state (stale, expired). */
export function SignoffPanel({ data, releaseRef }: { data: ChecklistView; releaseRef: ReleaseRef }) {
  const { signoff, permissions: p } = data;
  const review = signoff.review;
  const stale =
    signoff.state === "stale" ||
    signoff.state === "expired" ||
    (signoff.approved && signoff.approved.effectiveState !== "approved");
  return (
    <section
      aria-labelledby="signoff-title"
      data-testid="signoff-panel"
      className={`mb-4 rounded-lg border p-4 ${stale ? "border-orange-400 bg-orange-50 dark:border-orange-700 dark:bg-orange-950" : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="signoff-title" className="text-base font-semibold">
          Review and sign-off
        </h2>
        <SignoffBadge state={signoff.state} />
      </div>
      {signoff.reasons.length ? (
        <ul
          className="mt-1 list-inside list-disc text-sm text-orange-900 dark:text-orange-200"
          data-testid="signoff-reasons"
        >
          {signoff.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {!review ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Nobody has requested a review of this release yet.
        </p>
      ) : null}
      {signoff.state === "stale" || signoff.state === "expired" ? (
        <p className="mt-1 text-sm font-medium text-orange-900 dark:text-orange-200">
          {signoff.state === "stale" ? "The release no longer matches what was signed off" : "The sign-off has expired"}
          : request a new review.
        </p>
      ) : null}
      {signoff.notice ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="signoff-notice">
          {signoff.notice}
        </p>
      ) : null}
      {review?.state === "approved" ? <SignedBy review={review} /> : null}
      {signoff.approved && review?.state !== "approved" ? (
        <div className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Previous sign-off ({signoff.approved.effectiveState}): <SignedBy review={signoff.approved} />
        </div>
      ) : null}
      {review?.state === "rejected" ? (
        <p className="mt-1 text-sm">
          Rejected by <span className="font-medium">{review.decidedBy}</span> <TimeAgo iso={review.decidedAt} />: “
          {review.decisionComment}”
        </p>
      ) : null}
      {review?.state === "requested" ? (
        <div className="mt-1 text-sm">
          <p>
            Review requested by <span className="font-medium">{review.requestedBy}</span>{" "}
            <TimeAgo iso={review.requestedAt} />
            {review.comment ? `: “${review.comment}”` : ""}
          </p>
          {p.approve && review.requestedBy !== p.self ? (
            <Decide releaseRef={releaseRef} review={review} gate={data.gate} />
          ) : null}
          {review.requestedBy === p.self ? (
            <p className="mt-1 text-slate-600 dark:text-slate-400" data-testid="self-approval-note">
              You requested this review; another person with the approve permission must decide it.
              <Withdraw releaseRef={releaseRef} review={review} />
            </p>
          ) : null}
          {!p.approve && review.requestedBy !== p.self ? (
            <p className="mt-1 text-slate-600 dark:text-slate-400">Waiting for an admin or approver.</p>
          ) : null}
        </div>
      ) : null}
      {p.requestReview && review?.state !== "requested" ? (
        <RequestReview releaseRef={releaseRef} label={review ? "Request a new review" : "Request review"} />
      ) : null}
    </section>
  );
}
