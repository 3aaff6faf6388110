// Graph → browser shapes. Pure mappers.
import type { GraphEdge, GraphNode, Step } from "@/lib/graph";
import type { GraphEdgeView, GraphNodeView, RootCauseStep } from "./detail";

export function toNodeView(n: GraphNode, focusId?: string): GraphNodeView {
  return {
    id: n.id,
    resource: n.resource,
    kind: n.kind,
    namespace: n.namespace ?? null,
    name: n.name,
    health: n.verdict.status,
    reason: n.verdict.reason,
    message: n.verdict.message,
    missing: !!n.missing,
    focus: n.id === focusId,
  };
}

export function toEdgeView(e: GraphEdge): GraphEdgeView {
  return { from: e.from, to: e.to, type: e.type };
}

export function toRootCauseStep(s: Step): RootCauseStep {
  return {
    id: s.id,
    resource: s.id.split("/")[0],
    kind: s.kind,
    namespace: s.namespace ?? null,
    name: s.name,
    status: s.missing ? "Missing" : s.status,
    reason: s.reason,
    message: s.message,
  };
}
