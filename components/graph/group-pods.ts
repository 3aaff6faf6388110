// Readability of big graphs: a workload's healthy pods collapse into one "N healthy pods" node (its edges merged),
// while every pod that is not Healthy, is missing, or is the page's own object stays a node of its own — those are
// the ones a root cause runs through. Pure: nodes and edges in, nodes and edges out.
import type { GraphEdgeView, GraphNodeView } from "@/lib/views/detail";

/** Fewer healthy pods than this under one workload stay individual nodes. */
export const MIN_GROUP = 2;

export interface PodGroup {
  /** The workload node whose pods were grouped. */
  owner: GraphNodeView;
  count: number;
}

export interface GroupedGraph {
  nodes: GraphNodeView[];
  edges: GraphEdgeView[];
  /** Group node id → what it stands for. */
  groups: Map<string, PodGroup>;
}

export const isPodGroupId = (id: string) => id.startsWith("podgroup/");

export function groupHealthyPods(nodes: readonly GraphNodeView[], edges: readonly GraphEdgeView[]): GroupedGraph {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const healthyByOwner = new Map<string, string[]>();
  for (const e of edges) {
    const pod = byId.get(e.to);
    const owner = byId.get(e.from);
    if (e.type !== "owns" || !pod || !owner || pod.resource !== "pods" || owner.resource === "pods") continue;
    if (pod.health !== "Healthy" || pod.missing || pod.focus) continue;
    const list = healthyByOwner.get(owner.id) ?? [];
    if (!list.includes(pod.id)) list.push(pod.id);
    healthyByOwner.set(owner.id, list);
  }

  const groupOf = new Map<string, string>();
  const groups = new Map<string, PodGroup>();
  for (const [ownerId, pods] of healthyByOwner) {
    // A pod owned twice (should not happen) stays in the first group.
    const free = pods.filter((p) => !groupOf.has(p));
    if (free.length < MIN_GROUP) continue;
    const owner = byId.get(ownerId) as GraphNodeView;
    const id = `podgroup/${owner.namespace ?? "_"}/${owner.resource}/${owner.name}`;
    for (const p of free) groupOf.set(p, id);
    groups.set(id, { owner, count: free.length });
  }
  if (!groups.size) return { nodes: [...nodes], edges: [...edges], groups };

  const out: GraphNodeView[] = [];
  const added = new Set<string>();
  for (const n of nodes) {
    const g = groupOf.get(n.id);
    if (!g) {
      out.push(n);
      continue;
    }
    if (added.has(g)) continue;
    added.add(g);
    const { owner, count } = groups.get(g) as PodGroup;
    out.push({
      id: g,
      resource: "pods",
      kind: "Pods",
      namespace: owner.namespace,
      name: `${count} healthy pods`,
      health: "Healthy",
      reason: "",
      message: `${count} Healthy pods of ${owner.kind} ${owner.name}`,
      missing: false,
      focus: false,
    });
  }
  const seen = new Set<string>();
  const merged: GraphEdgeView[] = [];
  for (const e of edges) {
    const from = groupOf.get(e.from) ?? e.from;
    const to = groupOf.get(e.to) ?? e.to;
    const key = `${from}|${to}|${e.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push({ from, to, type: e.type });
  }
  return { nodes: out, edges: merged, groups };
}
