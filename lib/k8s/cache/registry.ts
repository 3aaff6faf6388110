// Process-wide registry: one ClusterCache per kubeconfig context, started once (at server start).
import "server-only";
import { configuredClusters } from "../kubeconfig";
import { ClusterCache } from "./cluster-cache";

const globalForCaches = globalThis as unknown as { fluxtowerCaches?: Map<string, ClusterCache> };

function caches(): Map<string, ClusterCache> {
  if (!globalForCaches.fluxtowerCaches) {
    const map = new Map<string, ClusterCache>();
    for (const c of configuredClusters()) map.set(c.id, new ClusterCache(c.id));
    globalForCaches.fluxtowerCaches = map;
  }
  return globalForCaches.fluxtowerCaches;
}

/** Starts every cluster's watches (idempotent). */
export function startCaches(): void {
  for (const c of caches().values()) c.start();
}

/** The started cache of a cluster, or undefined for an unknown cluster id. */
export function clusterCache(id: string): ClusterCache | undefined {
  const c = caches().get(id);
  c?.start();
  return c;
}

export function allClusterCaches(): ClusterCache[] {
  return [...caches().values()];
}
