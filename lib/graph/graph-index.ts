// Adjacency index over a Graph, built once per graph object and cached (WeakMap), so repeated neighbourhood /
// root-cause queries on the same graph cost O(visited) instead of O(edges). Pure module.
import type { Graph, GraphEdge, GraphNode } from "./types";

export interface GraphIndex {
  nodes: Map<string, GraphNode>;
  out: Map<string, GraphEdge[]>;
  in: Map<string, GraphEdge[]>;
}

const cache = new WeakMap<Graph, GraphIndex>();

/** The (cached) adjacency index of a graph. Graphs are treated as immutable once indexed. */
export function indexGraph(graph: Graph): GraphIndex {
  const hit = cache.get(graph);
  if (hit) return hit;
  const idx: GraphIndex = { nodes: new Map(), out: new Map(), in: new Map() };
  for (const n of graph.nodes) idx.nodes.set(n.id, n);
  for (const e of graph.edges) {
    push(idx.out, e.from, e);
    push(idx.in, e.to, e);
  }
  cache.set(graph, idx);
  return idx;
}

function push(map: Map<string, GraphEdge[]>, key: string, e: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}
