import { EmptyState } from "@/components/ui/empty-state";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { Condition } from "@/lib/kinds/object";

const GOOD = "text-green-800 dark:text-green-300";
const BAD = "text-red-700 dark:text-red-300";
const BUSY = "text-blue-800 dark:text-blue-300";
const NEUTRAL = "text-slate-600 dark:text-slate-400";

/** kstatus "abnormal-true" types: True is the bad (or busy) state for these. */
const ABNORMAL_TRUE: Record<string, string> = { Stalled: BAD, Reconciling: BUSY };

function statusClass(c: Condition): string {
  if (c.status === "Unknown") return NEUTRAL;
  const abnormal = ABNORMAL_TRUE[c.type];
  if (abnormal) return c.status === "True" ? abnormal : NEUTRAL;
  return c.status === "True" ? GOOD : c.status === "False" ? BAD : NEUTRAL;
}

/** status.conditions with every field; an observedGeneration behind metadata.generation is flagged. */
export function ConditionsTable({ conditions, generation }: { conditions: readonly Condition[]; generation?: number }) {
  return (
    <SimpleTable
      caption="Conditions"
      rows={conditions}
      rowKey={(c) => c.type}
      empty={<EmptyState title="No conditions reported yet" />}
      columns={[
        { header: "Type", className: "font-medium whitespace-nowrap", cell: (c) => c.type },
        { header: "Status", cell: (c) => <span className={`font-medium ${statusClass(c)}`}>{c.status}</span> },
        { header: "Reason", className: "whitespace-nowrap", cell: (c) => c.reason ?? "—" },
        { header: "Message", className: "min-w-[18rem] whitespace-pre-wrap break-words", cell: (c) => c.message ?? "" },
        { header: "Last transition", className: "whitespace-nowrap", cell: (c) => <TimeAgo iso={c.lastTransitionTime} /> },
        {
          header: "Observed gen.",
          className: "text-right",
          cell: (c) =>
            c.observedGeneration === undefined ? (
              "—"
            ) : generation !== undefined && c.observedGeneration !== generation ? (
              <span className="font-medium text-amber-800 dark:text-amber-300" title={`The object is at generation ${generation}`}>
                {c.observedGeneration} (≠ {generation})
              </span>
            ) : (
              c.observedGeneration
            ),
        },
      ]}
    />
  );
}
