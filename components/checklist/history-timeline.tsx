"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/ui/api";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { TimeAgo } from "@/components/ui/time-ago";
import { historyQuery, type ReleaseRef } from "./queries";
import { ScoreChart } from "./score-chart";
import { GateBadge, StatusBadge } from "./status-badge";

const TRIGGER: Record<string, string> = {
  change: "cluster change",
  manual: "re-evaluated on request",
  input: "attestation, waiver or review",
};

/** Every stored run: score and gate over time, and which items changed status. */
export function HistoryTimeline({ releaseRef }: { releaseRef: ReleaseRef }) {
  const { data, error, isPending } = useQuery(historyQuery(releaseRef));
  if (isPending) return <Loading label="Loading history…" />;
  if (error || !data)
    return <ErrorState title="Could not load the history" message={errorMessage(error ?? "no data")} />;
  if (!data.runs.length) return <p className="text-sm text-slate-600">No runs stored yet.</p>;
  return (
    <div>
      <ScoreChart runs={data.runs} />
      <ol className="space-y-2" data-testid="history-runs">
        {data.runs.map((r) => (
          <li
            key={r.id}
            className="rounded border border-slate-200 bg-white p-2 text-sm dark:border-slate-800 dark:bg-slate-900"
            data-testid="history-run"
          >
            <div className="flex flex-wrap items-center gap-2">
              <GateBadge gate={r.gate} />
              <span className="font-medium">score {r.score}</span>
              <span className="text-slate-600 dark:text-slate-400">
                <TimeAgo iso={r.at} /> · {TRIGGER[r.trigger] ?? r.trigger}
                {r.facts.helmRevision !== undefined ? ` · Helm revision ${r.facts.helmRevision}` : ""}
              </span>
              {!r.hashVerified ? (
                <span className="font-semibold text-red-700">hash mismatch: this run was altered</span>
              ) : null}
            </div>
            {r.changes.length && r.changes.every((c) => !c.from) ? (
              <p className="mt-1 text-xs text-slate-500">First stored run ({r.changes.length} items).</p>
            ) : r.changes.length ? (
              <ul className="mt-1 space-y-0.5">
                {r.changes.slice(0, 12).map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-1.5 text-xs">
                    <span className="min-w-0">{c.title ?? c.id}</span>
                    {c.from ? <StatusBadge status={c.from} /> : <span className="text-slate-500">new</span>}
                    <span aria-label="changed to">→</span>
                    {c.to ? <StatusBadge status={c.to} /> : <span className="text-slate-500">removed</span>}
                  </li>
                ))}
                {r.changes.length > 12 ? (
                  <li className="text-xs text-slate-500">… and {r.changes.length - 12} more</li>
                ) : null}
              </ul>
            ) : (
              <p className="mt-1 text-xs text-slate-500">
                No item changed status (stored on request, or the release facts changed).
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
