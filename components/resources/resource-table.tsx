"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { SortDir, SortKey } from "@/lib/queries/list-filters";
import { summaryId } from "@/lib/queries/apply-change";
import type { ResourceSummary } from "@/lib/views/summary";
import { gridTemplate, listColumns } from "./resource-columns";
import { ResourceRow } from "./resource-row";

const ROW_HEIGHT = 44;

interface Props {
  cluster: string;
  label: string;
  items: readonly ResourceSummary[];
  namespaced: boolean;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  /** Selected row ids (summaryId); bulk actions hook in here later. */
  selection: ReadonlySet<string>;
  onSelectionChange: (next: Set<string>) => void;
}

/** The resource list: sortable header, selection checkboxes, virtualised rows (thousands stay fast). */
export function ResourceTable({ cluster, label, items, namespaced, sort, dir, onSort, selection, onSelectionChange }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const allRef = useRef<HTMLInputElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const columns = listColumns(namespaced);
  const template = gridTemplate(namespaced);
  const selectedVisible = items.filter((i) => selection.has(summaryId(i))).length;
  const all = items.length > 0 && selectedVisible === items.length;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selectedVisible > 0 && !all;
  }, [selectedVisible, all]);

  function select(id: string, on: boolean) {
    const next = new Set(selection);
    if (on) next.add(id);
    else next.delete(id);
    onSelectionChange(next);
  }

  return (
    <div role="table" aria-label={label} aria-rowcount={items.length + 1} className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div ref={scrollRef} className="max-h-[calc(100vh-16rem)] min-h-[6rem] overflow-auto">
        <div className="min-w-[56rem]">
          <div role="row" aria-rowindex={1} className="sticky top-0 z-10 grid border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-400" style={{ gridTemplateColumns: template }}>
            <div role="columnheader" className="flex items-center justify-center px-2 py-2">
              <input
                ref={allRef}
                type="checkbox"
                className="h-4 w-4"
                checked={all}
                onChange={(e) => onSelectionChange(e.target.checked ? new Set(items.map(summaryId)) : new Set())}
                aria-label={`Select all ${items.length} rows`}
              />
            </div>
            {columns.map((c) => {
              const active = c.sort === sort;
              return (
                <div key={c.id} role="columnheader" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className="flex items-center px-2 py-2 font-medium">
                  {c.sort ? (
                    <button type="button" onClick={() => onSort(c.sort!)} className="inline-flex items-center gap-1 whitespace-nowrap uppercase hover:text-slate-900 dark:hover:text-slate-100">
                      {c.label}
                      <span aria-hidden className={active ? "" : "opacity-0"}>
                        {dir === "asc" ? "▲" : "▼"}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </div>
              );
            })}
          </div>
          <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index];
              const id = summaryId(item);
              return (
                <ResourceRow
                  key={id}
                  cluster={cluster}
                  item={item}
                  namespaced={namespaced}
                  selected={selection.has(id)}
                  onSelect={(on) => select(id, on)}
                  rowIndex={v.index + 2}
                  style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)`, gridTemplateColumns: template }}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
