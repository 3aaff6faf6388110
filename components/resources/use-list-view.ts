"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { makeFilters, viewFromParams, viewToSearch, type ListFilters, type ListView, type SortDir, type SortKey } from "@/lib/queries/list-filters";

export interface ListViewPatch {
  filters?: Partial<Omit<ListFilters, "resource">>;
  sort?: SortKey;
  dir?: SortDir;
}

/** The list's filters and sort, kept in the URL (router.replace, so Back leaves the page rather than a filter). */
export function useListView(resource: string): { view: ListView; update: (patch: ListViewPatch) => void } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = useMemo(() => viewFromParams(resource, params), [resource, params]);
  const update = useCallback(
    (patch: ListViewPatch) => {
      const next: ListView = {
        filters: makeFilters(resource, { ...view.filters, ...patch.filters }),
        sort: patch.sort ?? view.sort,
        dir: patch.dir ?? view.dir,
      };
      router.replace(`${pathname}${viewToSearch(next)}`, { scroll: false });
    },
    [resource, view, router, pathname],
  );
  return { view, update };
}
