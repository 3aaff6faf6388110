import type { ChecklistView } from "@/lib/checklist-service/api-types";
import type { ItemStatus } from "@/lib/checklist/types";
import { TimeAgo } from "@/components/ui/time-ago";
import { GATE_OK_STATUSES } from "./item-filters";
import { StatusBadge } from "./status-badge";

const COUNT_ORDER: ItemStatus[] = [
  "fail",
  "expired",
  "warn",
  "needs-attestation",
  "pass",
  "attested",
  "waived",
  "not-applicable",
];

/** The gate (decides) and the score (shown, never gating), with counts per status. */
export function GateBanner({ data, live }: { data: ChecklistView; live: string }) {
  const open = data.items.filter((i) => i.blocking && !GATE_OK_STATUSES.has(i.status));
  const pass = data.gate === "pass";
  return (
    <section
      aria-label="Gate and score"
      data-testid="gate-banner"
      data-gate={data.gate}
      className={`mb-4 flex flex-wrap items-center gap-x-8 gap-y-3 rounded-lg border p-4 ${
        pass
          ? "border-green-300 bg-green-50 dark:border-green-800 dark:bg-green-950"
          : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950"
      }`}
    >
      <div className="min-w-56">
        <p
          className={`text-xl font-semibold ${pass ? "text-green-800 dark:text-green-200" : "text-red-800 dark:text-red-200"}`}
        >
          {pass ? "✓ Gate passes" : "✗ Gate fails"}
        </p>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {pass
            ? "Every blocking item passes, is attested or is waived."
            : `${open.length} blocking item${open.length === 1 ? "" : "s"} open`}
        </p>
      </div>
      <div className="min-w-44" data-testid="checklist-score">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Score <span className="text-lg font-semibold text-slate-900 dark:text-slate-100">{data.score}</span>/100
          <span className="ml-1 text-xs text-slate-500">(shown, never gating)</span>
        </p>
        <div className="mt-1 h-2 w-44 overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden>
          <div
            className={`h-full ${data.score >= 80 ? "bg-green-600" : data.score >= 50 ? "bg-amber-500" : "bg-red-600"}`}
            style={{ width: `${data.score}%` }}
          />
        </div>
      </div>
      <ul className="flex flex-wrap gap-1.5" aria-label="Items per status">
        {COUNT_ORDER.filter((s) => data.counts[s] > 0).map((s) => (
          <li key={s} className="flex items-center gap-1 text-sm">
            <span className="font-semibold">{data.counts[s]}</span>
            <StatusBadge status={s} />
          </li>
        ))}
      </ul>
      <p className="ml-auto text-xs text-slate-600 dark:text-slate-400" data-testid="checklist-live" data-state={live}>
        Evaluated <TimeAgo iso={data.evaluatedAt} /> ·{" "}
        {live === "open"
          ? "live"
          : live === "connecting"
            ? "connecting…"
            : "live updates paused, refreshing every 15 s"}
      </p>
    </section>
  );
}
