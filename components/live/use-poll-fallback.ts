"use client";

import { useSyncExternalStore } from "react";
import { getLiveState, subscribeLiveState } from "./live-store";

/** Polling interval while live updates are down for any of the clusters (the fallback); false while live. */
export function usePollFallback(clusters: readonly string[], intervalMs = 15_000): number | false {
  const key = clusters.join("\n");
  const down = useSyncExternalStore(
    subscribeLiveState,
    () => key.split("\n").some((c) => c && getLiveState(c).stream === "down"),
    () => false,
  );
  return down ? intervalMs : false;
}
