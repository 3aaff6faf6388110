"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import { errorMessage } from "@/components/ui/api";
import type { RotationView } from "@/lib/rotation/view";
import { fetchRotations, rotationKeys } from "./queries";
import { RotationStateBadge } from "./rotation-state-badge";

/** Recent rotations (all clusters), newest first, refreshed every 5 s. */
export function RotationsList() {
  const { data, error, isPending } = useQuery({ queryKey: rotationKeys.list(null), queryFn: () => fetchRotations(null), refetchInterval: 5_000 });
  if (isPending) return <Loading label="Loading rotations…" />;
  if (error) return <ErrorState message={errorMessage(error)} />;
  return (
    <SimpleTable<RotationView>
      caption="Rotations"
      rows={data}
      rowKey={(r) => r.id}
      empty={<EmptyState title="No rotations yet">Start one from a cluster&apos;s Secrets page.</EmptyState>}
      columns={[
        { header: "Started", cell: (r) => <TimeAgo iso={r.createdAt} /> },
        {
          header: "Secret",
          cell: (r) => (
            <Link className="font-mono text-blue-700 hover:underline dark:text-blue-300" href={`/rotations/${encodeURIComponent(r.id)}`}>
              {r.cluster}/{r.target.namespace}/{r.target.secret}
            </Link>
          ),
        },
        { header: "Flow", cell: (r) => r.kindLabel },
        { header: "State", cell: (r) => <RotationStateBadge state={r.state} /> },
        { header: "By", cell: (r) => r.createdBy },
        { header: "Message", cell: (r) => <span className="break-words text-xs">{r.paused ?? r.message}</span> },
      ]}
    />
  );
}
