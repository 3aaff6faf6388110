"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { api, errorMessage } from "@/components/ui/api";
import type { StaleSignoff } from "@/lib/checklist-service/stale";

/** Approved production sign-offs that went stale or expired: each needs a new review. Hidden when there are none. */
export function StaleSignoffs() {
  const { data, error } = useQuery({
    queryKey: ["checklists", "stale"],
    queryFn: ({ signal }) => api<{ signoffs: StaleSignoff[] }>("/api/v1/checklists/stale", { signal }),
    refetchInterval: 30_000,
  });
  if (error) return <p className="mb-6 text-sm text-red-700 dark:text-red-400">Could not load sign-off states: {errorMessage(error)}</p>;
  if (!data?.signoffs.length) return null;
  return (
    <section aria-labelledby="stale-signoffs" className="mb-8 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
      <h2 id="stale-signoffs" className="mb-2 font-semibold">
        Sign-offs that need a new review ({data.signoffs.length})
      </h2>
      <ul className="space-y-1.5 text-sm">
        {data.signoffs.map((s) => (
          <li key={`${s.cluster}/${s.namespace}/${s.release}`}>
            <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium uppercase text-amber-900 dark:bg-amber-800 dark:text-amber-100">{s.state}</span>
            <Link href={s.href} className="font-medium text-blue-700 underline dark:text-blue-400">
              {s.cluster} · {s.namespace}/{s.release}
            </Link>
            {s.signedBy ? <span className="text-slate-600 dark:text-slate-400"> — signed by {s.signedBy}</span> : null}
            {s.reasons.length ? <span className="text-slate-700 dark:text-slate-300">: {s.reasons.join("; ")}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
