// Subgraph around one node, for detail pages. Pure module.
import { indexGraph } from "./graph-index";
import type { Graph, GraphEdge, GraphNode } from "./types";

export interface NeighbourhoodOptions {
  /** Upper bound on nodes returned (the start node always included). Default 150. */
  maxNodes?: number;
}

/**
 * The subgraph around `id`: everything it depends on, following edges forward up to `depth` hops (its sources,
 * dependencies, managed workloads, pods, Secrets, ExternalSecrets, stores …), plus everything that depends on it,
 * following edges backward up to `depth` hops (who applies/manages/uses it). The two directions are not mixed, so
 * a Secret's page shows its users but not their other Secrets. Breadth-first, bounded by `maxNodes`; returns the
 * edges among the kept nodes. Unknown id → empty graph.
 */
export function neighbourhood(graph: Graph, id: string, depth = 2, opts: NeighbourhoodOptions = {}): Graph {
  const idx = indexGraph(graph);
  const start = idx.nodes.get(id);
  if (!start) return { nodes: [], edges: [] };
  const max = Math.max(1, opts.maxNodes ?? 150);
  const kept = new Set<string>([id]);
  const walk = (direction: "out" | "in") => {
    let frontier = [id];
    for (let d = 0; d < depth && frontier.length > 0 && kept.size < max; d++) {
      const next: string[] = [];
      for (const cur of frontier) {
        for (const e of (direction === "out" ? idx.out.get(cur) : idx.in.get(cur)) ?? []) {
          const other = direction === "out" ? e.to : e.from;
          if (kept.has(other)) continue;
          if (kept.size >= max) return;
          kept.add(other);
          next.push(other);
        }
      }
      frontier = next;
    }
  };
  walk("out");
  walk("in");
  const nodes: GraphNode[] = [];
  for (const k of kept) {
    const n = idx.nodes.get(k);
    if (n) nodes.push(n);
  }
  const edges: GraphEdge[] = [];
  for (const k of kept) for (const e of idx.out.get(k) ?? []) if (kept.has(e.to)) edges.push(e);
  return { nodes, edges };
}
