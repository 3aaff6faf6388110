import { HealthBadge } from "@/components/ui/health-badge";
import { SuspendedBadge } from "@/components/ui/suspended-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { shortRevision } from "@/lib/health/getters";
import type { ResourceDetail } from "@/lib/views/detail";

/** Kind, namespace/name, health badge, revision, last reconcile and age of the object. */
export function DetailHeader({ detail }: { detail: ResourceDetail }) {
  const { summary, health } = detail;
  return (
    <header className="mb-4">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {summary.kind}
        {summary.namespace ? ` · namespace ${summary.namespace}` : " · cluster-scoped"} · {detail.cluster}
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all">{summary.name}</h1>
        <span data-testid="detail-health">
          <HealthBadge status={health.status} stalled={health.stalled} stale={health.stale} size="md" />
        </span>
        {summary.suspended && health.status !== "Suspended" ? <SuspendedBadge /> : null}
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
        {summary.revision ? (
          <div className="flex gap-1">
            <dt>Revision</dt>
            <dd className="font-mono text-xs leading-5 text-slate-900 dark:text-slate-100" title={summary.revision}>
              {shortRevision(summary.revision)}
            </dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt>Last reconciled</dt>
          <dd className="text-slate-900 dark:text-slate-100">
            <TimeAgo iso={summary.lastReconciledAt} />
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Age</dt>
          <dd className="text-slate-900 dark:text-slate-100">
            <TimeAgo iso={summary.createdAt} mode="age" />
          </dd>
        </div>
      </dl>
    </header>
  );
}
