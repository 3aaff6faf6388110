"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { makeFilters } from "@/lib/queries/list-filters";
import { resourceListQuery } from "@/lib/queries/resource-queries";

/**
 * Namespace filter. Options: the namespaces the user may list, plus every namespace seen in the current rows
 * (users without list rights on namespaces still get a useful picker), plus the current selection.
 */
export function NamespaceSelect({ cluster, value, seen, onChange }: { cluster: string; value: string | null; seen: readonly string[]; onChange: (ns: string | null) => void }) {
  const id = useId();
  const { data } = useQuery({ ...resourceListQuery(cluster, makeFilters("namespaces")), retry: false, staleTime: 5 * 60_000 });
  const options = useMemo(() => {
    const set = new Set<string>(seen);
    data?.items.forEach((n) => set.add(n.name));
    if (value) set.add(value);
    return [...set].sort();
  }, [data, seen, value]);
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Namespace
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        <option value="">All namespaces</option>
        {options.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
    </span>
  );
}
