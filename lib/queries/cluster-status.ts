// Words for a cluster's cache state. Pure.
import { formatClock } from "./format-time";
import type { ClusterStatusView } from "./types";

/** The stale banner: "cluster unreachable — showing data from HH:MM:SS"; null when the cluster is not stale. */
export function staleBannerText(status: ClusterStatusView | null | undefined): string | null {
  if (!status || status.status !== "stale") return null;
  const from = status.staleSince ?? status.lastSyncAt;
  return from ? `cluster unreachable — showing data from ${formatClock(from)}` : "cluster unreachable — showing the last known data";
}

export function clusterStateLabel(status: ClusterStatusView["status"]): string {
  switch (status) {
    case "connected":
      return "Connected";
    case "syncing":
      return "Syncing";
    case "stale":
      return "Unreachable (stale)";
    case "error":
      return "Error";
  }
}
