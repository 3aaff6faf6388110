"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { clustersQuery } from "@/lib/queries/cluster-queries";

/** Every kubeconfig context; switching keeps the resource kind being looked at. */
export function ClusterSwitcher({ cluster, resource }: { cluster: string; resource: string | null }) {
  const id = useId();
  const router = useRouter();
  const { data, error } = useQuery(clustersQuery());
  const clusters = data?.clusters ?? [];
  const known = clusters.some((c) => c.id === cluster);

  function go(next: string) {
    if (next === cluster) return;
    const base = `/clusters/${encodeURIComponent(next)}`;
    router.push(resource ? `${base}/${resource}` : base);
  }

  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Cluster
      </label>
      <select
        id={id}
        value={cluster}
        onChange={(e) => go(e.target.value)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        title={error ? "Could not load the cluster list" : undefined}
      >
        {!known ? <option value={cluster}>{cluster}</option> : null}
        {clusters.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.status !== "connected" ? ` (${c.status})` : ""}
          </option>
        ))}
      </select>
    </span>
  );
}
