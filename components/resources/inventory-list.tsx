"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { parseInventoryEntry } from "@/lib/queries/inventory";
import { ObjectLink } from "./object-link";

/** The objects a Kustomization or HelmRelease applied, each linked when Fluxtower shows its kind. */
export function InventoryList({ cluster, entries }: { cluster: string; entries: readonly string[] }) {
  const [all, setAll] = useState(false);
  if (!entries.length) return <p className="text-sm text-slate-500">No inventory recorded.</p>;
  const shown = all ? entries : entries.slice(0, 100);
  return (
    <div>
      <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {shown.map((entry) => {
          const ref = parseInventoryEntry(entry);
          return (
            <li key={entry} className="truncate">
              {ref ? <ObjectLink cluster={cluster} kind={ref.kind} namespace={ref.namespace} name={ref.name} /> : <span className="font-mono text-xs">{entry}</span>}
            </li>
          );
        })}
      </ul>
      {entries.length > 100 ? (
        <Button variant="ghost" type="button" className="mt-2" onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${entries.length}`}
        </Button>
      ) : null}
    </div>
  );
}
