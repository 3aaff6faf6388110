// xyflow node/edge types of the dependency graph.
import type { Edge, Node } from "@xyflow/react";
import type { GraphNodeView } from "@/lib/views/detail";
import type { Point } from "./layout";

export type HealthNodeData = { node: GraphNodeView; href: string | null };
export type HealthFlowNode = Node<HealthNodeData, "health">;
export type RoutedEdgeData = { points: Point[]; label: Point };
export type RoutedFlowEdge = Edge<RoutedEdgeData, "routed">;
