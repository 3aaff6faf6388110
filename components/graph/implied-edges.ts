// A pod reads the Secrets and ConfigMaps of its workload's pod template: those pod edges repeat the workload's and
// only clutter the picture, so they are dropped for display. Edges a pod has on its own (a reference its owner
// does not have, e.g. a bare pod or a changed template mid-rollout) stay. Pure.
import type { GraphEdgeView, GraphNodeView } from "@/lib/views/detail";

export function dropImpliedPodEdges(nodes: readonly GraphNodeView[], edges: readonly GraphEdgeView[]): GraphEdgeView[] {
  const pods = new Set(nodes.filter((n) => n.resource === "pods").map((n) => n.id));
  const ownersOf = new Map<string, string[]>();
  for (const e of edges) {
    if (e.type === "owns" && pods.has(e.to) && !pods.has(e.from)) ownersOf.set(e.to, [...(ownersOf.get(e.to) ?? []), e.from]);
  }
  const have = new Set(edges.map((e) => `${e.from}|${e.type}|${e.to}`));
  return edges.filter((e) => {
    if (!pods.has(e.from) || e.type === "owns") return true;
    return !(ownersOf.get(e.from) ?? []).some((owner) => have.has(`${owner}|${e.type}|${e.to}`));
  });
}
