// queryOptions for the cluster list and the overview (shared by any prefetch and the client).
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/components/ui/api";
import type { OverviewResponse } from "@/lib/views/detail";
import { queryKeys } from "./keys";
import { retryServerErrors } from "./retry";
import type { ClustersResponse } from "./types";

export function clustersQuery() {
  return queryOptions({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => api<ClustersResponse>("/api/v1/clusters", { signal }),
    staleTime: 30_000,
    retry: retryServerErrors,
  });
}

export function overviewQuery() {
  return queryOptions({
    queryKey: queryKeys.overview(),
    queryFn: ({ signal }) => api<OverviewResponse>("/api/v1/overview", { signal }),
    staleTime: 10_000,
    retry: retryServerErrors,
  });
}
