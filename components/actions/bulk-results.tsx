"use client";

import type { OperationView } from "@/lib/actions/view";
import type { TargetRef } from "./action-queries";
import { OperationStateBadge } from "./operation-state-badge";
import { useOperation } from "./use-operation";

export interface ItemOutcome {
  target: TargetRef;
  label: string;
  status: "queued" | "sending" | "accepted" | "refused";
  operation?: OperationView;
  deduplicated?: boolean;
  error?: string;
}

function LiveOutcome({ operation, deduplicated }: { operation: OperationView; deduplicated?: boolean }) {
  const { op, error } = useOperation(operation);
  return (
    <>
      <OperationStateBadge state={op.state} />
      <span className="text-slate-700 dark:text-slate-300">
        {deduplicated ? "joined the running operation: " : ""}
        {error ?? op.message}
      </span>
    </>
  );
}

/** One line per bulk item: queued, sending, refused (with the server's reason) or the operation's live state. */
export function BulkResults({ outcomes }: { outcomes: ItemOutcome[] }) {
  if (!outcomes.length) return null;
  return (
    <ul className="space-y-1 text-xs" aria-label="Bulk action results" data-testid="bulk-results">
      {outcomes.map((o) => (
        <li key={o.label} className="flex flex-wrap items-center gap-2" data-status={o.status}>
          <span className="font-mono">{o.label}</span>
          {o.status === "accepted" && o.operation ? <LiveOutcome operation={o.operation} deduplicated={o.deduplicated} /> : null}
          {o.status === "refused" ? <span className="text-red-700 dark:text-red-300">refused: {o.error}</span> : null}
          {o.status === "queued" || o.status === "sending" ? <span className="text-slate-500">{o.status}…</span> : null}
        </li>
      ))}
    </ul>
  );
}
