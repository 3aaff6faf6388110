"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { EventView } from "@/lib/views/detail";
import { ObjectLink } from "./object-link";

interface Props {
  cluster: string;
  events: readonly EventView[];
  /** Show the involved object column (overview); a detail page's own events do not need it. */
  showObject?: boolean;
  limit?: number;
  emptyText?: string;
}

/** Kubernetes events, newest first; warnings highlighted. */
export function EventsTable({ cluster, events, showObject = false, limit = 50, emptyText = "No events" }: Props) {
  const [all, setAll] = useState(false);
  const sorted = [...events].sort((a, b) => (b.lastTimestamp ?? b.firstTimestamp ?? "").localeCompare(a.lastTimestamp ?? a.firstTimestamp ?? ""));
  const rows = all ? sorted : sorted.slice(0, limit);
  return (
    <div>
      <SimpleTable
        caption="Events"
        rows={rows}
        rowKey={(e, i) => `${e.involved.kind}/${e.involved.name}/${e.reason}/${e.lastTimestamp}/${i}`}
        rowClassName={(e) => (e.type === "Warning" ? "bg-amber-50 dark:bg-amber-950/40" : "")}
        empty={<EmptyState title={emptyText} />}
        columns={[
          {
            header: "Type",
            className: "w-28 whitespace-nowrap",
            cell: (e) =>
              e.type === "Warning" ? <span className="font-medium text-amber-800 dark:text-amber-300">⚠ Warning</span> : <span className="text-slate-500">{e.type}</span>,
          },
          { header: "Reason", className: "whitespace-nowrap", cell: (e) => e.reason },
          ...(showObject
            ? [{ header: "Object", className: "whitespace-nowrap", cell: (e: EventView) => <ObjectLink cluster={cluster} kind={e.involved.kind} namespace={e.involved.namespace} name={e.involved.name} /> }]
            : []),
          { header: "Message", className: "min-w-[16rem] break-words", cell: (e) => e.message },
          { header: "Count", className: "w-16 text-right", cell: (e) => e.count },
          { header: "Last seen", className: "whitespace-nowrap", cell: (e) => <TimeAgo iso={e.lastTimestamp ?? e.firstTimestamp} /> },
        ]}
      />
      {sorted.length > limit ? (
        <div className="mt-2">
          <Button variant="ghost" type="button" onClick={() => setAll(!all)}>
            {all ? "Show fewer" : `Show all ${sorted.length} events`}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
