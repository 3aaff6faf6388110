// Kubernetes Events as they arrive in the watch cache, mapped to the EventView the pages show, for the SSE stream
// (event tables and the overview's warnings update live instead of with their object's next change).
import "server-only";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { EventView } from "@/lib/views/detail";
import { toEventView } from "@/lib/views/events";

export interface EventChange {
  type: "ADDED" | "MODIFIED";
  /** The Event's own namespace (RBAC: `list events` there). */
  namespace: string | null;
  event: EventView;
}

/** Calls `listener` for every added or changed Event (deletions are expiry: pages drop them on their next fetch). */
export function subscribeEvents(cache: ClusterCache, listener: (change: EventChange) => void): () => void {
  return cache.subscribe((c) => {
    if (c.resource !== "events" || c.type === "DELETED") return;
    listener({ type: c.type, namespace: c.object.metadata.namespace ?? null, event: toEventView(c.object) });
  });
}
