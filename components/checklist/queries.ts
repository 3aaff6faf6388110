// Query keys and options of the checklist pages. Keys carry every input; all start with "checklist".
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/components/ui/api";
import type {
  ChecklistListResponse,
  ChecklistView,
  HistoryResponse,
  ReviewView,
} from "@/lib/checklist-service/api-types";
import { retryServerErrors } from "@/lib/queries/retry";

export interface ReleaseRef {
  cluster: string;
  namespace: string;
  release: string;
}

export const checklistKeys = {
  all: () => ["checklist"] as const,
  list: () => ["checklist", "list"] as const,
  release: (r: ReleaseRef) => ["checklist", "release", r.cluster, r.namespace, r.release] as const,
  detail: (r: ReleaseRef) => ["checklist", "release", r.cluster, r.namespace, r.release, "detail"] as const,
  history: (r: ReleaseRef, limit: number) =>
    ["checklist", "release", r.cluster, r.namespace, r.release, "history", limit] as const,
  reviews: (r: ReleaseRef) => ["checklist", "release", r.cluster, r.namespace, r.release, "reviews"] as const,
};

/** The API path of a release's checklist (every sub-resource hangs below it). */
export function releasePath(r: ReleaseRef): string {
  return `/api/v1/clusters/${encodeURIComponent(r.cluster)}/checklists/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.release)}`;
}

/** The app page of a release's checklist. */
export function releasePage(r: ReleaseRef): string {
  return `/checklists/${encodeURIComponent(r.cluster)}/${encodeURIComponent(r.namespace)}/${encodeURIComponent(r.release)}`;
}

export function checklistListQuery() {
  return queryOptions({
    queryKey: checklistKeys.list(),
    queryFn: ({ signal }) => api<ChecklistListResponse>("/api/v1/checklists", { signal }),
    staleTime: 10_000,
    retry: retryServerErrors,
  });
}

export function checklistQuery(r: ReleaseRef) {
  return queryOptions({
    queryKey: checklistKeys.detail(r),
    queryFn: ({ signal }) => api<ChecklistView>(releasePath(r), { signal }),
    staleTime: 5_000,
    retry: retryServerErrors,
  });
}

export function historyQuery(r: ReleaseRef, limit = 50) {
  return queryOptions({
    queryKey: checklistKeys.history(r, limit),
    queryFn: ({ signal }) => api<HistoryResponse>(`${releasePath(r)}/history?limit=${limit}`, { signal }),
    staleTime: 5_000,
    retry: retryServerErrors,
  });
}

export function reviewsQuery(r: ReleaseRef) {
  return queryOptions({
    queryKey: checklistKeys.reviews(r),
    queryFn: ({ signal }) => api<{ reviews: ReviewView[] }>(`${releasePath(r)}/reviews`, { signal }),
    staleTime: 5_000,
    retry: retryServerErrors,
  });
}
