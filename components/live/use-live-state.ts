"use client";

import { useSyncExternalStore } from "react";
import { getLiveState, subscribeLiveState, type LiveState } from "./live-store";

const SERVER: LiveState = { stream: "idle", status: null };

/** The live state (stream + cluster status) of one cluster. */
export function useLiveState(cluster: string): LiveState {
  return useSyncExternalStore(
    subscribeLiveState,
    () => getLiveState(cluster),
    () => SERVER,
  );
}
