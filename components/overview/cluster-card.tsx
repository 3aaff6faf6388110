import Link from "next/link";
import { ClusterStateBadge } from "@/components/resources/cluster-state-badge";
import { StaleBanner } from "@/components/ui/stale-banner";
import { TimeAgo } from "@/components/ui/time-ago";
import type { OverviewCluster } from "@/lib/views/detail";
import { HealthCountsGrid } from "./health-counts-grid";

/** One cluster on the overview: state, last sync and counts by health per kind. */
export function ClusterCard({ cluster }: { cluster: OverviewCluster }) {
  return (
    <article aria-labelledby={`cluster-${cluster.id}`} data-testid={`cluster-card-${cluster.id}`} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <header className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={`cluster-${cluster.id}`} className="text-base font-semibold">
          <Link href={`/clusters/${encodeURIComponent(cluster.id)}`} className="hover:underline">
            {cluster.name}
          </Link>
        </h2>
        <ClusterStateBadge status={cluster.status} />
        <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
          synced <TimeAgo iso={cluster.lastSyncAt} />
        </span>
      </header>
      <StaleBanner status={cluster} cluster={cluster.name} />
      {cluster.status === "error" ? <p className="mb-2 text-sm text-red-700 dark:text-red-300">{cluster.message}</p> : null}
      <div className="overflow-x-auto">
        <HealthCountsGrid cluster={cluster.id} counts={cluster.counts} />
      </div>
    </article>
  );
}
