import Link from "next/link";
import type { CSSProperties } from "react";
import { HealthBadge } from "@/components/ui/health-badge";
import { SuspendedBadge } from "@/components/ui/suspended-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { shortRevision } from "@/lib/health/getters";
import { detailHref } from "@/lib/views/detail";
import type { ResourceSummary } from "@/lib/views/summary";

interface Props {
  cluster: string;
  item: ResourceSummary;
  namespaced: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  rowIndex: number;
  style: CSSProperties;
}

const cell = "flex min-w-0 items-center px-2";

/** One row of the virtualised list (role=row inside role=table). */
export function ResourceRow({ cluster, item, namespaced, selected, onSelect, rowIndex, style }: Props) {
  const label = `${item.namespace ? `${item.namespace}/` : ""}${item.name}`;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      data-testid="resource-row"
      data-name={label}
      style={style}
      className={`grid border-b border-slate-100 text-sm hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50 ${selected ? "bg-blue-50 dark:bg-blue-950/40" : ""}`}
    >
      <div role="cell" className={`${cell} justify-center`}>
        <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select ${label}`} className="h-4 w-4" />
      </div>
      <div role="cell" className={cell}>
        <Link href={detailHref(cluster, item.resource, item.namespace, item.name)} className="truncate font-medium text-blue-800 hover:underline dark:text-blue-300" title={label}>
          {item.name}
        </Link>
      </div>
      {namespaced ? (
        <div role="cell" className={`${cell} text-slate-600 dark:text-slate-400`}>
          <span className="truncate">{item.namespace}</span>
        </div>
      ) : null}
      <div role="cell" className={`${cell} gap-1`}>
        <HealthBadge status={item.health.status} stalled={item.health.stalled} stale={item.health.stale} />
        {item.suspended && item.health.status !== "Suspended" ? <SuspendedBadge /> : null}
      </div>
      <div role="cell" className={`${cell} text-slate-600 dark:text-slate-400`}>
        <span className="truncate" title={item.health.message}>
          {item.health.status === "Healthy" ? item.health.message : `${item.health.reason ? `${item.health.reason}: ` : ""}${item.health.message}`}
        </span>
      </div>
      <div role="cell" className={`${cell} font-mono text-xs`}>
        <span className="truncate" title={item.revision ?? undefined}>
          {item.revision ? shortRevision(item.revision) : "—"}
        </span>
      </div>
      <div role="cell" className={`${cell} whitespace-nowrap text-slate-600 dark:text-slate-400`}>
        <TimeAgo iso={item.lastReconciledAt} />
      </div>
      <div role="cell" className={`${cell} whitespace-nowrap text-slate-600 dark:text-slate-400`}>
        <TimeAgo iso={item.createdAt} mode="age" />
      </div>
    </div>
  );
}
