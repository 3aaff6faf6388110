"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { usePollFallback } from "@/components/live/use-poll-fallback";
import { errorMessage } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { resourceInfo } from "@/lib/kinds/registry";
import { pluralKind } from "@/lib/queries/list-kinds";
import { resourceListQuery } from "@/lib/queries/resource-queries";
import { sortSummaries } from "@/lib/queries/sort-summaries";
import type { SortKey } from "@/lib/queries/list-filters";
import { HealthFilter } from "./health-filter";
import { KindSwitcher } from "./kind-switcher";
import { NamespaceSelect } from "./namespace-select";
import { ResourceTable } from "./resource-table";
import { SearchInput } from "./search-input";
import { useListView } from "./use-list-view";
import { summaryId } from "@/lib/queries/apply-change";
import { BulkActions } from "@/components/actions";

/** Default direction when a column is first sorted: health worst-first, times newest-first, text A→Z. */
const FIRST_DIR: Record<SortKey, "asc" | "desc"> = { name: "asc", namespace: "asc", health: "asc", revision: "desc", lastReconciledAt: "asc", age: "asc" };

export function ResourceListClient({ cluster, resource }: { cluster: string; resource: string }) {
  const info = resourceInfo(resource);
  const kindPlural = pluralKind(info?.kind ?? resource);
  const namespaced = info?.namespaced ?? true;
  const { view, update } = useListView(resource);
  const { filters } = view;
  const fallback = usePollFallback([cluster]);
  const { data, error, isPending, isPlaceholderData } = useQuery({ ...resourceListQuery(cluster, filters), refetchInterval: fallback });
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [knownNamespaces, setKnownNamespaces] = useState<string[]>([]);

  const items = useMemo(() => (data ? sortSummaries(data.items, view.sort, view.dir) : []), [data, view.sort, view.dir]);
  const selectedItems = useMemo(
    () => items.filter((i) => selection.has(summaryId(i))).map((i) => ({ resource: i.resource, namespace: i.namespace ?? undefined, name: i.name })),
    [items, selection],
  );
  const seen = useMemo(() => [...new Set(data?.items.map((i) => i.namespace).filter((n): n is string => !!n))], [data]);
  if (!filters.namespace && seen.some((n) => !knownNamespaces.includes(n))) setKnownNamespaces([...new Set([...knownNamespaces, ...seen])]);

  const filtered = !!(filters.namespace || filters.health.length || filters.q);
  const onSort = (key: SortKey) => update(key === view.sort ? { dir: view.dir === "asc" ? "desc" : "asc" } : { sort: key, dir: FIRST_DIR[key] });

  return (
    <>
      <PageHeader
        title={kindPlural}
        description={
          <span aria-live="polite" data-testid="list-count">
            {data ? `${items.length} ${items.length === 1 ? (info?.kind ?? resource) : kindPlural}${filtered ? " matching the filters" : ""}` : "Loading…"}
            {selection.size ? ` · ${selection.size} selected` : ""}
            {isPlaceholderData ? " · updating…" : ""}
          </span>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-x-5 gap-y-2">
        <KindSwitcher cluster={cluster} resource={resource} namespace={filters.namespace} />
        {namespaced ? <NamespaceSelect cluster={cluster} value={filters.namespace} seen={knownNamespaces} onChange={(ns) => update({ filters: { namespace: ns } })} /> : null}
        <SearchInput value={filters.q} onChange={(q) => update({ filters: { q } })} label="Filter" placeholder="namespace/name" />
        <HealthFilter value={filters.health} onChange={(health) => update({ filters: { health } })} />
      </div>
      {selectedItems.length ? (
        <div className="mb-3">
          <BulkActions cluster={cluster} items={selectedItems} />
        </div>
      ) : null}
      {isPending ? (
        <Loading label={`Loading ${kindPlural}…`} />
      ) : error ? (
        <ErrorState title={`Could not load ${kindPlural}`} message={errorMessage(error)} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title={`No ${kindPlural} match these filters`}>
            <Button variant="secondary" type="button" onClick={() => update({ filters: { namespace: null, health: [], q: "" } })}>
              Clear filters
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={`No ${kindPlural} in ${cluster}`}>There are none, or your Kubernetes permissions do not let you see them.</EmptyState>
        )
      ) : (
        <ResourceTable
          cluster={cluster}
          label={`${kindPlural} in ${cluster}`}
          items={items}
          namespaced={namespaced}
          sort={view.sort}
          dir={view.dir}
          onSort={onSort}
          selection={selection}
          onSelectionChange={setSelection}
        />
      )}
    </>
  );
}
