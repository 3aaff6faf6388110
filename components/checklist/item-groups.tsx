"use client";

import { useState } from "react";
import type { ChecklistView } from "@/lib/checklist-service/api-types";
import { ItemCard } from "./item-card";
import { FILTER_LABEL, groupByPart, matchesFilter, partHeading, type ItemFilter } from "./item-filters";
import type { ReleaseRef } from "./queries";
import { NEEDS_ACTION } from "./status-colors";

/** Items grouped by part (pre-deployment, parts 1–7, post-deployment), with a filter. */
export function ItemGroups({ data, releaseRef }: { data: ChecklistView; releaseRef: ReleaseRef }) {
  const [filter, setFilter] = useState<ItemFilter>("all");
  const groups = groupByPart(data.items.filter((i) => matchesFilter(i, filter)));
  const filters: ItemFilter[] = ["all", "action", "done"];
  const count = (f: ItemFilter) => data.items.filter((i) => matchesFilter(i, f)).length;
  return (
    <div>
      <div role="radiogroup" aria-label="Show items" className="mb-3 flex flex-wrap gap-1">
        {filters.map((f) => (
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={filter === f}
            onClick={() => setFilter(f)}
            className={`rounded-full border px-3 py-1 text-sm ${
              filter === f
                ? "border-blue-600 bg-blue-50 font-medium text-blue-900 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-100"
                : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {FILTER_LABEL[f]} ({count(f)})
          </button>
        ))}
      </div>
      {groups.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">Nothing here.</p> : null}
      {groups.map((g) => {
        const open = g.items.filter((i) => NEEDS_ACTION.has(i.status)).length;
        return (
          <section
            key={g.part}
            aria-labelledby={`part-${g.part}`}
            className="mb-5"
            data-testid="checklist-part"
            data-part={g.part}
          >
            <h3 id={`part-${g.part}`} className="mb-2 flex items-baseline gap-2 text-sm font-semibold">
              {partHeading(g)}
              <span className="text-xs font-normal text-slate-500">{open ? `${open} need action` : "all done"}</span>
            </h3>
            <ul className="space-y-1.5">
              {g.items.map((item) => (
                <ItemCard key={item.id} data={data} item={item} releaseRef={releaseRef} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
