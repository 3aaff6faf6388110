"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import Link from "next/link";
import { HEALTH_BADGE_CLASSES, HEALTH_DOT_CLASSES } from "@/components/ui/health-colors";
import type { HealthFlowNode } from "./graph-types";
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";

const BORDER: Record<string, string> = {
  Healthy: "border-green-500 dark:border-green-700",
  Progressing: "border-blue-500 dark:border-blue-700",
  Degraded: "border-red-500 dark:border-red-700",
  Suspended: "border-amber-500 dark:border-amber-600",
  Unknown: "border-slate-400 dark:border-slate-500",
};

/** A graph node: kind, name, namespace and the health word in its colour; missing objects dashed red. */
export function HealthNode({ data }: NodeProps<HealthFlowNode>) {
  const { node, href } = data;
  const status = node.missing ? "Missing" : node.health;
  const border = node.missing ? "border-dashed border-red-500 dark:border-red-600" : BORDER[node.health];
  const focus = node.focus ? "ring-2 ring-blue-600 ring-offset-2 dark:ring-blue-400 dark:ring-offset-slate-900" : "";
  const title = `${node.kind} ${node.namespace ? `${node.namespace}/` : ""}${node.name}: ${node.missing ? "missing" : node.health}${node.message ? ` — ${node.message}` : ""}`;
  return (
    <div
      title={title}
      data-testid="graph-node"
      data-health={status}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`flex flex-col justify-center gap-0.5 rounded-md border-2 bg-white px-2.5 py-1.5 text-left shadow-sm dark:bg-slate-900 ${border} ${focus} ${href ? "cursor-pointer" : "cursor-default"}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!h-1 !w-1 !min-w-0 !border-0 !bg-slate-400" />
      <div className="flex items-center justify-between gap-2 text-[10px] uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <span className="truncate">{node.kind}</span>
        <span className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-1.5 py-px text-[10px] font-semibold normal-case tracking-normal ${HEALTH_BADGE_CLASSES[status]}`}>
          <span aria-hidden className={`inline-block h-1.5 w-1.5 rounded-full ${HEALTH_DOT_CLASSES[status]}`} />
          {node.missing ? "missing" : node.health}
        </span>
      </div>
      <div className="truncate text-sm font-medium text-slate-900 dark:text-slate-100">
        {href ? (
          <Link href={href} className="hover:underline">
            {node.name}
          </Link>
        ) : (
          node.name
        )}
        {node.focus ? <span className="sr-only"> (this object)</span> : null}
      </div>
      <div className="truncate text-[11px] text-slate-500 dark:text-slate-400">{node.namespace ?? "cluster-scoped"}</div>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!h-1 !w-1 !min-w-0 !border-0 !bg-slate-400" />
    </div>
  );
}
