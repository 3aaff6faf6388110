"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { kindsByFamily, pluralKind } from "@/lib/queries/list-kinds";

/** Switches the list to another kind in the same cluster, keeping the namespace filter. */
export function KindSwitcher({ cluster, resource, namespace }: { cluster: string; resource: string; namespace: string | null }) {
  const id = useId();
  const router = useRouter();
  return (
    <span className="inline-flex items-center gap-2 text-sm">
      <label htmlFor={id} className="text-slate-600 dark:text-slate-400">
        Kind
      </label>
      <select
        id={id}
        value={resource}
        onChange={(e) => router.push(`/clusters/${encodeURIComponent(cluster)}/${e.target.value}${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ""}`)}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        {kindsByFamily().map((g) => (
          <optgroup key={g.family} label={g.label}>
            {g.kinds.map((k) => (
              <option key={k.resource} value={k.resource}>
                {pluralKind(k.kind)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </span>
  );
}
