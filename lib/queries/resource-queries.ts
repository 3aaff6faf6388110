// queryOptions for resource lists, object details and pod logs. Keys carry every input (lib/queries/keys.ts).
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/components/ui/api";
import type { ResourceDetail } from "@/lib/views/detail";
import { filtersOfListKey, queryKeys } from "./keys";
import { listApiPath, type ListFilters } from "./list-filters";
import { retryServerErrors } from "./retry";
import type { ListResponse, LogResponse } from "./types";

export function resourceListQuery(cluster: string, filters: ListFilters) {
  return queryOptions({
    queryKey: queryKeys.list(cluster, filters),
    queryFn: ({ signal }) => api<ListResponse>(listApiPath(cluster, filters), { signal }),
    // Live changes keep lists fresh (setQueryData); refetch only on mount after a minute.
    staleTime: 60_000,
    // While a filter change loads, keep showing the previous rows of the same cluster and kind (never others').
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === cluster && filtersOfListKey(previousQuery.queryKey)?.resource === filters.resource ? previous : undefined,
    retry: retryServerErrors,
  });
}

export function objectApiPath(cluster: string, resource: string, namespace: string | null, name: string): string {
  const c = encodeURIComponent(cluster);
  return `/api/v1/clusters/${c}/resources/${encodeURIComponent(resource)}/${encodeURIComponent(namespace ?? "_")}/${encodeURIComponent(name)}`;
}

export function resourceDetailQuery(cluster: string, resource: string, namespace: string | null, name: string) {
  return queryOptions({
    queryKey: queryKeys.object(cluster, resource, namespace, name),
    queryFn: ({ signal }) => api<ResourceDetail>(objectApiPath(cluster, resource, namespace, name), { signal }),
    staleTime: 30_000,
    retry: retryServerErrors,
  });
}

export function logApiPath(cluster: string, namespace: string, pod: string, container: string | null, tailLines: number, follow = false): string {
  const p = new URLSearchParams();
  if (container) p.set("container", container);
  p.set("tailLines", String(tailLines));
  if (follow) p.set("follow", "true");
  return `/api/v1/clusters/${encodeURIComponent(cluster)}/logs/${encodeURIComponent(namespace)}/${encodeURIComponent(pod)}?${p}`;
}

export function podLogQuery(cluster: string, namespace: string, pod: string, container: string | null, tailLines: number) {
  return queryOptions({
    queryKey: queryKeys.logs(cluster, namespace, pod, container, tailLines),
    queryFn: ({ signal }) => api<LogResponse>(logApiPath(cluster, namespace, pod, container, tailLines), { signal }),
    staleTime: 0,
    retry: retryServerErrors,
  });
}
