// Per-cluster live state for this browser tab: the SSE connection state and the cluster's cache status as the
// stream last reported it. A tiny external store read with useSyncExternalStore.
import type { ClusterStatusView } from "@/lib/queries/types";

export type StreamState = "idle" | "connecting" | "open" | "down" | "signed-out";

export interface LiveState {
  stream: StreamState;
  status: ClusterStatusView | null;
}

const IDLE: LiveState = { stream: "idle", status: null };
const states = new Map<string, LiveState>();
const listeners = new Set<() => void>();

export function getLiveState(cluster: string): LiveState {
  return states.get(cluster) ?? IDLE;
}

export function setLiveState(cluster: string, patch: Partial<LiveState>): void {
  const prev = getLiveState(cluster);
  const next = { ...prev, ...patch };
  if (next.stream === prev.stream && next.status === prev.status) return;
  states.set(cluster, next);
  listeners.forEach((l) => l());
}

export function subscribeLiveState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
