// buildGraph: objects → dependency graph with a health verdict on every node (DESIGN.md §4). Pure module.
import type { KubeObject } from "../kinds/object";
import { healthOf } from "../health/index";
import type { HealthContext } from "../health/types";
import { absentVerdict, GraphBuilder, type CompletenessCheck } from "./builder";
import { addAirflowValuesEdges } from "./edges-airflow";
import { addEsoEdges, addSyncedByEdges, externalSecretFor, indexTargets } from "./edges-eso";
import { addFluxEdges } from "./edges-flux";
import { addOwnershipEdges, addPodSpecEdges } from "./edges-workloads";
import { resourceOfKind } from "./ids";
import type { Graph, GraphNode } from "./types";

export interface BuildGraphOptions {
  /** "Now" for time-based health rules (stuck finalizers, Unschedulable pods). Default Date.now(). */
  now?: Date | number;
  /** Passed through to lib/health. */
  stuckAfterMs?: number;
  unschedulableAfterMs?: number;
  /**
   * Whether `objects` holds EVERY object of `resource` in `namespace` (undefined for cluster-scoped). An absent
   * referenced object is `missing` when this says true, else `unseen`. Callers that filter by RBAC or do not watch a
   * kind must pass this. Default: true for registry kinds with at least one object in the snapshot.
   */
  isComplete?: CompletenessCheck;
}

/**
 * Builds the dependency graph of a cluster snapshot. Node ids are `refKey({ resource, namespace, name })`; nodes
 * carry kind, namespace, name and verdict; referenced-but-absent objects become `missing` (or `unseen`) nodes.
 * Edges are listed in lib/graph/types.ts (EdgeType). Runs in O(objects + references) using Map indexes.
 */
export function buildGraph(objects: readonly KubeObject[], opts: BuildGraphOptions = {}): Graph {
  const b = new GraphBuilder(objects, opts.isComplete);
  const targets = indexTargets(b);

  addFluxEdges(b);
  addAirflowValuesEdges(b);
  addOwnershipEdges(b);
  addPodSpecEdges(b);
  addEsoEdges(b);
  addSyncedByEdges(b, targets);

  const ctx: HealthContext = {
    now: opts.now,
    stuckAfterMs: opts.stuckAfterMs,
    unschedulableAfterMs: opts.unschedulableAfterMs,
    ownerOf: (secret) =>
      externalSecretFor(b, targets, {
        namespace: secret.metadata.namespace,
        name: secret.metadata.name,
        owners: secret.metadata.ownerReferences,
      }),
  };

  const nodes: GraphNode[] = [];
  for (const [id, obj] of b.objects) {
    const node: GraphNode = {
      id,
      resource: resourceOfKind(obj.kind),
      kind: obj.kind,
      name: obj.metadata.name,
      verdict: healthOf(obj, ctx),
    };
    if (obj.metadata.namespace) node.namespace = obj.metadata.namespace;
    nodes.push(node);
  }
  for (const ref of b.refs.values()) {
    const node: GraphNode = {
      id: ref.id,
      resource: ref.resource,
      kind: ref.kind,
      name: ref.name,
      verdict: absentVerdict(ref.kind, ref.namespace, ref.name, ref.missing),
    };
    if (ref.namespace) node.namespace = ref.namespace;
    if (ref.missing) node.missing = true;
    else node.unseen = true;
    nodes.push(node);
  }
  return { nodes, edges: b.edges };
}
