"use client";

import "@xyflow/react/dist/style.css";
import { Controls, MarkerType, ReactFlow, type NodeMouseHandler } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { detailHref, type GraphEdgeView, type GraphNodeView } from "@/lib/views/detail";
import type { HealthFlowNode, RoutedFlowEdge } from "./graph-types";
import { groupHealthyPods } from "./group-pods";
import { dropImpliedPodEdges } from "./implied-edges";
import { HealthNode } from "./health-node";
import { layoutGraph } from "./layout";
import { RoutedEdge } from "./routed-edge";
import { useDarkMode } from "./use-dark-mode";

const nodeTypes = { health: HealthNode };
const edgeTypes = { routed: RoutedEdge };

interface Props {
  cluster: string;
  nodes: readonly GraphNodeView[];
  edges: readonly GraphEdgeView[];
  label: string;
}

/** The dependency graph (dagre layout, left → right); clicking a node opens its page (missing nodes have none). */
export function DependencyGraph({ cluster, nodes, edges, label }: Props) {
  const router = useRouter();
  const dark = useDarkMode();
  const { flowNodes, flowEdges, height } = useMemo(() => {
    // For display only: pod edges that repeat their workload's are dropped, and a workload's healthy pods are one
    // node (it links to the workload, whose page lists them).
    const grouped = groupHealthyPods(nodes, dropImpliedPodEdges(nodes, edges));
    const laid = layoutGraph(grouped.nodes, grouped.edges);
    const missing = new Set(grouped.nodes.filter((n) => n.missing).map((n) => n.id));
    const flowNodes: HealthFlowNode[] = grouped.nodes.map((n) => {
      const group = grouped.groups.get(n.id);
      const target = group ? group.owner : n;
      return {
        id: n.id,
        type: "health",
        position: laid.positions.get(n.id) ?? { x: 0, y: 0 },
        data: { node: n, href: n.missing ? null : detailHref(cluster, target.resource, target.namespace, target.name) },
        draggable: false,
        connectable: false,
        ariaLabel: group ? `${group.count} healthy pods of ${group.owner.kind} ${group.owner.name}` : `${n.kind} ${n.name}, ${n.missing ? "missing" : n.health}`,
      };
    });
    const flowEdges: RoutedFlowEdge[] = laid.edges.map((e, i) => ({
      id: `${e.from}->${e.to}:${e.type}:${i}`,
      type: "routed",
      source: e.from,
      target: e.to,
      label: e.type,
      data: { points: e.points, label: e.label },
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: missing.has(e.to) ? "#dc2626" : undefined },
      style: missing.has(e.to) ? { stroke: "#dc2626", strokeDasharray: "5 4" } : undefined,
    }));
    return { flowNodes, flowEdges, height: Math.min(Math.max(laid.height + 40, 200), 720) };
  }, [cluster, nodes, edges]);

  const onNodeClick: NodeMouseHandler<HealthFlowNode> = (event, node) => {
    if ((event.target as HTMLElement).closest("a")) return; // the name link navigates by itself
    if (node.data.href) router.push(node.data.href);
  };

  if (!nodes.length) return <p className="text-sm text-slate-500">No dependencies known for this object.</p>;
  return (
    <div role="figure" aria-label={label} data-testid="dependency-graph" style={{ height }} className="overflow-hidden rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950">
      <ReactFlow<HealthFlowNode, RoutedFlowEdge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
        minZoom={0.2}
        colorMode={dark ? "dark" : "light"}
      >
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </div>
  );
}
