"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/ui/api";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import { clustersQuery } from "@/lib/queries/cluster-queries";
import { formatClock } from "@/lib/queries/format-time";
import { ClusterStateBadge } from "./cluster-state-badge";

export function ClustersClient() {
  const { data, error } = useQuery({ ...clustersQuery(), refetchInterval: 15_000 });
  const header = <PageHeader title="Clusters" description="Every kubeconfig context is a cluster." />;
  if (!data) {
    return (
      <>
        {header}
        {error ? <ErrorState title="Could not load the clusters" message={errorMessage(error)} /> : <Loading label="Loading clusters…" />}
      </>
    );
  }
  return (
    <>
      {header}
      <SimpleTable
        caption="Clusters"
        rows={data.clusters}
        rowKey={(c) => c.id}
        empty={<EmptyState title="No clusters configured">Set KUBECONFIG to a kubeconfig with at least one context.</EmptyState>}
        columns={[
          {
            header: "Cluster",
            cell: (c) => (
              <Link href={`/clusters/${encodeURIComponent(c.id)}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">
                {c.name}
              </Link>
            ),
          },
          { header: "Status", cell: (c) => <ClusterStateBadge status={c.syncing ? "syncing" : c.status} /> },
          { header: "API server", className: "break-all text-slate-600 dark:text-slate-400", cell: (c) => c.server ?? "—" },
          { header: "Last sync", className: "whitespace-nowrap", cell: (c) => <TimeAgo iso={c.lastSyncAt} /> },
          {
            header: "Message",
            cell: (c) => (c.status === "stale" ? `unreachable — showing data from ${formatClock(c.staleSince ?? c.lastSyncAt)}` : c.message),
          },
        ]}
      />
    </>
  );
}
