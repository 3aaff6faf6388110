"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { ClusterSwitcher } from "@/components/resources/cluster-switcher";
import { StaleBanner } from "@/components/ui/stale-banner";
import { clustersQuery } from "@/lib/queries/cluster-queries";
import type { ClusterStatusView } from "@/lib/queries/types";
import { LiveIndicator } from "./live-indicator";
import { useClusterStreams } from "./use-cluster-stream";
import { useLiveState } from "./use-live-state";

/**
 * The strip above every page of one cluster: cluster switcher, live state and the stale banner. It keeps the
 * cluster's live stream open for as long as the user stays inside the cluster (it lives in the cluster layout).
 */
export function ClusterBar({ cluster }: { cluster: string }) {
  useClusterStreams([cluster]);
  const params = useParams<{ resource?: string }>();
  const live = useLiveState(cluster);
  const { data } = useQuery(clustersQuery());
  const listed = data?.clusters.find((c) => c.id === cluster);
  const status: ClusterStatusView | null =
    live.status ?? (listed ? { status: listed.status, staleSince: listed.staleSince, lastSyncAt: listed.lastSyncAt, message: listed.message } : null);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 pb-3 dark:border-slate-800">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/clusters" className="hover:underline">
            Clusters
          </Link>
          <span aria-hidden> / </span>
          <Link href={`/clusters/${encodeURIComponent(cluster)}`} className="font-medium text-slate-900 hover:underline dark:text-slate-100">
            {cluster}
          </Link>
        </nav>
        <ClusterSwitcher cluster={cluster} resource={params.resource ?? null} />
        <span className="ml-auto">
          <LiveIndicator cluster={cluster} />
        </span>
      </div>
      <StaleBanner status={status} cluster={cluster} />
    </>
  );
}
