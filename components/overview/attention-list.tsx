import { HealthBadge } from "@/components/ui/health-badge";
import { ObjectLink } from "@/components/resources/object-link";
import { RootCauseLine } from "@/components/resources/root-cause-line";
import { SuspendedBadge } from "@/components/ui/suspended-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { summaryId } from "@/lib/queries/apply-change";
import type { OverviewCluster } from "@/lib/views/detail";

/** What needs attention, in the server's order (Degraded+stalled, stale, long Progressing), with root causes. */
export function AttentionList({ clusters }: { clusters: readonly OverviewCluster[] }) {
  const multi = clusters.length > 1;
  const items = clusters.flatMap((c) => c.attention.map((a) => ({ cluster: c, ...a })));
  if (!items.length) {
    return (
      <p role="status" className="rounded-lg border border-green-300 bg-green-50 p-4 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
        All healthy: nothing needs attention.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="attention-list">
      {items.map(({ cluster, summary, rootCause }) => (
        <li key={`${cluster.id}/${summaryId(summary)}`} className="px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <HealthBadge status={summary.health.status} stalled={summary.health.stalled} stale={summary.health.stale} />
            {summary.suspended && summary.health.status !== "Suspended" ? <SuspendedBadge /> : null}
            <ObjectLink cluster={cluster.id} kind={summary.kind} resource={summary.resource} namespace={summary.namespace} name={summary.name} className="font-medium" />
            {multi ? <span className="text-xs text-slate-500">in {cluster.name}</span> : null}
            <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
              <TimeAgo iso={summary.lastReconciledAt} />
            </span>
          </div>
          <div className="mt-1 pl-1">
            {rootCause.length > 1 ? (
              <RootCauseLine cluster={cluster.id} steps={rootCause} />
            ) : (
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {summary.health.reason ? <span className="font-medium">{summary.health.reason}: </span> : null}
                {summary.health.message}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
