"use client";

import { BaseEdge, type EdgeProps } from "@xyflow/react";
import type { RoutedFlowEdge } from "./graph-types";
import { routePath } from "./layout";

/** An edge drawn along dagre's route, its label where dagre reserved room for it. */
export function RoutedEdge({ data, markerEnd, style, label }: EdgeProps<RoutedFlowEdge>) {
  if (!data) return null;
  return (
    <BaseEdge
      path={routePath(data.points)}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={data.label.x}
      labelY={data.label.y}
      labelStyle={{ fontSize: 10 }}
      labelBgPadding={[3, 1]}
      labelBgBorderRadius={2}
    />
  );
}
