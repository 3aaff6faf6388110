// Per cluster: the dependency graph of everything in the cache, rebuilt lazily after changes (at most every
// 500 ms), shared by every request. Built with the app's full view; callers filter nodes by the user's RBAC.
import "server-only";
import { buildGraph, indexGraph, type Graph, type GraphIndex } from "@/lib/graph";
import { resourceInfo } from "@/lib/kinds/registry";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";

interface Entry {
  graph: Graph;
  index: GraphIndex;
  builtAt: number;
  dirty: boolean;
}

const MIN_REBUILD_MS = 500;
const globalForGraphs = globalThis as unknown as { fluxtowerGraphs?: Map<string, Entry> };
const graphs = (globalForGraphs.fluxtowerGraphs ??= new Map());
const subscribed = new Set<string>();

function build(cache: ClusterCache): Entry {
  const graph = buildGraph(cache.all(), {
    // The cache lists every object of a watched type, so an absent reference of such a type is truly missing.
    isComplete: (resource) => {
      const rc = cache.caches.get(resource);
      return !!rc && !!resourceInfo(resource) && rc.state.synced && !rc.state.absent;
    },
  });
  return { graph, index: indexGraph(graph), builtAt: Date.now(), dirty: false };
}

/** The current graph of a cluster (rebuilt when changed and older than 500 ms). */
export function clusterGraph(cache: ClusterCache): { graph: Graph; index: GraphIndex } {
  if (!subscribed.has(cache.id)) {
    subscribed.add(cache.id);
    cache.subscribe(() => {
      const e = graphs.get(cache.id);
      if (e) e.dirty = true;
    });
  }
  let e = graphs.get(cache.id);
  if (!e || (e.dirty && Date.now() - e.builtAt >= MIN_REBUILD_MS)) {
    e = build(cache);
    graphs.set(cache.id, e);
  }
  return e;
}
