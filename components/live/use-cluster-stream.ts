"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { retainClusterStream } from "./stream-hub";

/** Keeps the live stream of each given cluster open while the component is mounted. */
export function useClusterStreams(clusters: readonly string[]): void {
  const qc = useQueryClient();
  const key = clusters.join("\n");
  useEffect(() => {
    if (!key) return;
    const releases = key.split("\n").map((c) => retainClusterStream(c, qc));
    return () => releases.forEach((release) => release());
  }, [key, qc]);
}
