"use client";

import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/ui/api";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { podLogQuery } from "@/lib/queries/resource-queries";
import { LogLines } from "./log-lines";

interface Props {
  cluster: string;
  namespace: string;
  pod: string;
  container: string | null;
  tailLines: number;
  filter: (l: string) => boolean;
  autoScroll: boolean;
  label: string;
}

/** The last `tailLines` lines of a container, fetched once (Refresh refetches). */
export function StaticLog({ cluster, namespace, pod, container, tailLines, filter, autoScroll, label }: Props) {
  const { data, error, isPending, isFetching, refetch } = useQuery(podLogQuery(cluster, namespace, pod, container, tailLines));
  if (!data) return isPending || !error ? <Loading label="Loading log…" /> : <ErrorState title="Could not load the log" message={errorMessage(error)} />;
  const shown = data.lines.filter(filter);
  return (
    <div>
      <p role="status" aria-live="polite" className="mb-1 text-xs text-slate-600 dark:text-slate-400">
        {shown.length === data.lines.length ? `${data.lines.length} lines` : `${shown.length} of ${data.lines.length} lines`}
        <button type="button" onClick={() => void refetch()} disabled={isFetching} className="ml-2 text-blue-800 underline disabled:opacity-50 dark:text-blue-300">
          {isFetching ? "refreshing…" : "refresh"}
        </button>
      </p>
      <LogLines lines={shown} autoScroll={autoScroll} label={label} />
    </div>
  );
}
