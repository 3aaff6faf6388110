// Left-to-right layered layout of a dependency graph with dagre. Pure: positions and edge routes, no React.
// Edge labels take part in the layout (dagre keeps them off nodes and other labels).
import dagre from "@dagrejs/dagre";
import type { GraphEdgeView, GraphNodeView } from "@/lib/views/detail";

export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 68;
const LABEL_HEIGHT = 14;

export interface Point {
  x: number;
  y: number;
}

export interface RoutedEdge extends GraphEdgeView {
  /** Route from the source's border to the target's border. */
  points: Point[];
  /** Centre of the edge label. */
  label: Point;
}

export interface LaidOutGraph {
  /** Top-left corner of every node (xyflow's convention; dagre gives centres). */
  positions: Map<string, Point>;
  /** Edges whose both ends exist (others are dropped), with their routes. */
  edges: RoutedEdge[];
  width: number;
  height: number;
}

const labelWidth = (text: string) => text.length * 5.6 + 8;

export function layoutGraph(nodes: readonly GraphNodeView[], edges: readonly GraphEdgeView[]): LaidOutGraph {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 22, ranksep: 36, edgesep: 12, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  kept.forEach((e, i) => g.setEdge(e.from, e.to, { width: labelWidth(e.type), height: LABEL_HEIGHT, labelpos: "c" }, String(i)));
  dagre.layout(g);

  const positions = new Map<string, Point>();
  for (const n of nodes) {
    const p = g.node(n.id) as Point | undefined;
    positions.set(n.id, { x: (p?.x ?? 0) - NODE_WIDTH / 2, y: (p?.y ?? 0) - NODE_HEIGHT / 2 });
  }
  const routed = kept.map((e, i): RoutedEdge => {
    const label = g.edge({ v: e.from, w: e.to, name: String(i) }) as { points?: Point[]; x?: number; y?: number } | undefined;
    const points = label?.points?.length ? label.points : [];
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...e, points, label: { x: label?.x ?? mid.x, y: label?.y ?? mid.y } };
  });
  const size = g.graph() as { width?: number; height?: number };
  return { positions, edges: routed, width: size.width ?? NODE_WIDTH, height: size.height ?? NODE_HEIGHT };
}

/** A smooth SVG path through the route: straight ends, quadratic curves through the bends. */
export function routePath(points: readonly Point[]): string {
  if (points.length < 2) return "";
  if (points.length === 2) return `M ${points[0].x} ${points[0].y} L ${points[1].x} ${points[1].y}`;
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const next = points[i + 1];
    const mx = (p.x + next.x) / 2;
    const my = (p.y + next.y) / 2;
    d += ` Q ${p.x} ${p.y} ${i === points.length - 2 ? `${next.x} ${next.y}` : `${mx} ${my}`}`;
  }
  return d;
}
