// Response shapes of the endpoints the UI reads that are not already typed in lib/views. Pure types.
import type { ResourceSummary } from "@/lib/views/summary";

export type ClusterState = "connected" | "stale" | "error" | "syncing";

export interface ClusterInfo {
  id: string;
  name: string;
  /** The API server URL; sent to admins only. */
  server?: string;
  status: "connected" | "stale" | "error";
  syncing?: boolean;
  lastSyncAt: string | null;
  staleSince: string | null;
  message: string;
}

export interface ClustersResponse {
  clusters: ClusterInfo[];
}

/** The cache state of one cluster as the list endpoint and the stream report it. */
export interface ClusterStatusView {
  status: ClusterState;
  staleSince: string | null;
  lastSyncAt: string | null;
  message?: string;
}

export interface ListResponse {
  items: ResourceSummary[];
  cluster: { id: string } & ClusterStatusView;
}

export interface LogResponse {
  lines: string[];
}
