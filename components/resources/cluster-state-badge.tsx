import { clusterStateLabel } from "@/lib/queries/cluster-status";
import type { ClusterState } from "@/lib/queries/types";

const CLASSES: Record<ClusterState, string> = {
  connected: "border-green-300 text-green-800 dark:border-green-800 dark:text-green-200",
  syncing: "border-blue-300 text-blue-800 dark:border-blue-800 dark:text-blue-200",
  stale: "border-amber-400 text-amber-900 dark:border-amber-700 dark:text-amber-200",
  error: "border-red-300 text-red-800 dark:border-red-800 dark:text-red-200",
};

/** A cluster's connection state in words. */
export function ClusterStateBadge({ status }: { status: ClusterState }) {
  return <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${CLASSES[status]}`}>{clusterStateLabel(status)}</span>;
}
