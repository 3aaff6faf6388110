// Root-cause chains: from an unhealthy node to its deepest unhealthy dependencies (DESIGN.md §4). Pure module.
import { indexGraph, type GraphIndex } from "./graph-index";
import type { EdgeType, Graph, GraphNode, Step } from "./types";

/** Edge types followed by root-cause walks (all of them point in the dependency direction). */
export const ROOT_CAUSE_EDGES: ReadonlySet<EdgeType> = new Set<EdgeType>([
  "source",
  "dependsOn",
  "applies",
  "manages",
  "owns",
  "uses-secret",
  "uses-configmap",
  "values-from",
  "values-secret",
  "synced-by",
  "store",
]);

/**
 * Ready reasons meaning a Kustomization/HelmRelease failed BEFORE applying anything (source, dependency or build
 * problems): the objects it applies/manages cannot explain them, so `applies`/`manages` edges are not followed.
 */
export const PRE_APPLY_REASONS: ReadonlySet<string> = new Set([
  "ArtifactFailed",
  "SourceNotReady",
  "DependencyNotReady",
  "BuildFailed",
  "LatestGenerationNotObserved",
]);

export interface RootCauseOptions {
  /** Maximum number of chains returned by rootCauses (and kept per node while walking). Default 20. */
  limit?: number;
}

interface Link {
  id: string;
  via?: EdgeType;
}
type Chain = Link[];

/**
 * How much a node counts as a problem: missing or Degraded 3; Progressing, Suspended, Unknown 1; Healthy and unseen
 * (not in the snapshot, cannot be judged) 0. Only nodes above 0 are walked through.
 */
export function problemSeverity(node: GraphNode | undefined): number {
  if (!node || node.unseen) return 0;
  if (node.missing || node.verdict.status === "Degraded") return 3;
  return node.verdict.status === "Healthy" ? 0 : 1;
}

/**
 * Every root-cause chain from `id`: one per distinct leaf (an unhealthy or missing node with no unhealthy
 * dependency of its own), each starting with `id`. Only non-healthy nodes are walked; cycles are cut. Chains are
 * ordered by the leaf's severity (Degraded/missing before Progressing), then by depth (deepest first), then by leaf id.
 * For a given leaf the longest path is kept (e.g. HelmRelease → Deployment → Pod → Secret → ExternalSecret rather
 * than HelmRelease → Secret → ExternalSecret). A Degraded node is never "explained" by a dependency that is merely
 * Progressing/Suspended: the chain stops at it, and a reconciler that failed before applying (PRE_APPLY_REASONS) is
 * not explained by what it applies. A healthy start (or an id not in the graph) → [].
 */
export function rootCauses(graph: Graph, id: string, opts: RootCauseOptions = {}): Step[][] {
  const idx = indexGraph(graph);
  const start = idx.nodes.get(id);
  if (!start || problemSeverity(start) === 0) return [];
  const limit = Math.max(1, opts.limit ?? 20);
  const chains = explore(idx, id, new Set(), new Map(), limit);
  return chains.map((c) => c.map((link) => toStep(idx, link)));
}

/**
 * The best root-cause chain from `id` (see {@link rootCauses}): first element is the start node, last is the
 * deepest, most severe unhealthy dependency. [] when the start node is healthy, unseen or not in the graph.
 */
export function rootCause(graph: Graph, id: string): Step[] {
  return rootCauses(graph, id, { limit: 1 })[0] ?? [];
}

function explore(idx: GraphIndex, id: string, onPath: Set<string>, memo: Map<string, Chain[]>, limit: number): Chain[] {
  const cached = memo.get(id);
  if (cached) return cached;
  onPath.add(id);
  const node = idx.nodes.get(id);
  const own = problemSeverity(node);
  const preApply = node !== undefined && PRE_APPLY_REASONS.has(node.verdict.reason);
  const byLeaf = new Map<string, Chain>();
  for (const e of idx.out.get(id) ?? []) {
    if (!ROOT_CAUSE_EDGES.has(e.type) || onPath.has(e.to)) continue;
    if (preApply && (e.type === "applies" || e.type === "manages")) continue;
    if (problemSeverity(idx.nodes.get(e.to)) === 0) continue;
    for (const sub of explore(idx, e.to, onPath, memo, limit)) {
      if (sub.some((l) => l.id === id)) continue;
      // A Degraded node is only explained by something at least as bad (not by a dependency merely Progressing).
      if (problemSeverity(idx.nodes.get(sub[sub.length - 1].id)) < own) continue;
      const chain: Chain = [{ id }, { id: e.to, via: e.type }, ...sub.slice(1)];
      const leaf = chain[chain.length - 1].id;
      const prev = byLeaf.get(leaf);
      if (!prev || chain.length > prev.length) byLeaf.set(leaf, chain);
    }
  }
  onPath.delete(id);
  const result = byLeaf.size > 0 ? rank(idx, [...byLeaf.values()]).slice(0, limit) : [[{ id }]];
  memo.set(id, result);
  return result;
}

function rank(idx: GraphIndex, chains: Chain[]): Chain[] {
  const key = (c: Chain) => c[c.length - 1].id;
  return chains.sort((a, b) => {
    const sa = problemSeverity(idx.nodes.get(key(a)));
    const sb = problemSeverity(idx.nodes.get(key(b)));
    if (sa !== sb) return sb - sa;
    if (a.length !== b.length) return b.length - a.length;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  });
}

function toStep(idx: GraphIndex, link: Link): Step {
  const n = idx.nodes.get(link.id);
  if (!n) return { id: link.id, kind: "", name: link.id, status: "Unknown", reason: "", message: "" };
  const step: Step = {
    id: n.id,
    kind: n.kind,
    name: n.name,
    status: n.verdict.status,
    reason: n.verdict.reason,
    message: n.verdict.message,
  };
  if (n.namespace) step.namespace = n.namespace;
  if (n.missing) step.missing = true;
  if (link.via) step.via = link.via;
  return step;
}
