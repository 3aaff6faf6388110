"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/api";
import type { ChecklistItemView } from "@/lib/checklist-service/api-types";
import type { ReleaseRef } from "./queries";
import { useChecklistAction } from "./use-checklist-action";

const INPUT =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

interface Body {
  checkId: string;
  reason: string;
  ticketUrl?: string;
  expiresAt: string;
}

/** Request a waiver: reason, optional ticket, mandatory expiry (at most `maxDays`); another person approves it. */
export function WaiverForm({
  releaseRef,
  item,
  maxDays,
  onDone,
}: {
  releaseRef: ReleaseRef;
  item: ChecklistItemView;
  maxDays: number;
  onDone: () => void;
}) {
  const [reason, setReason] = useState("");
  const [ticketUrl, setTicketUrl] = useState("");
  const [days, setDays] = useState(Math.min(30, maxDays));
  const action = useChecklistAction<Body>(releaseRef, "/waivers");

  function submit(e: FormEvent) {
    e.preventDefault();
    const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
    action.mutate(
      { checkId: item.id, reason, ticketUrl: ticketUrl.trim() || undefined, expiresAt },
      { onSuccess: onDone },
    );
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded border border-violet-200 bg-violet-50/50 p-3 dark:border-violet-900 dark:bg-violet-950/30"
      aria-label={`Request a waiver for ${item.title}`}
      data-testid="waiver-form"
    >
      <div>
        <label htmlFor={`w-${item.id}-reason`} className="mb-0.5 block text-xs font-medium">
          Reason <span className="text-red-700">*</span>
        </label>
        <textarea
          id={`w-${item.id}-reason`}
          className={INPUT}
          rows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`w-${item.id}-ticket`} className="mb-0.5 block text-xs font-medium">
            Ticket link
          </label>
          <input
            id={`w-${item.id}-ticket`}
            className={INPUT}
            type="url"
            placeholder="https://"
            value={ticketUrl}
            onChange={(e) => setTicketUrl(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`w-${item.id}-days`} className="mb-0.5 block text-xs font-medium">
            Expires in (days, at most {maxDays}) <span className="text-red-700">*</span>
          </label>
          <input
            id={`w-${item.id}-days`}
            className={INPUT}
            type="number"
            min={1}
            max={maxDays}
            required
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
          />
        </div>
      </div>
      {action.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {errorMessage(action.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={action.isPending}>
          {action.isPending ? "Requesting…" : "Request waiver"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
