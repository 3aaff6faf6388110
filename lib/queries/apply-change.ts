// Applies one live change (an SSE `change` event) to a cached list, given the list's filters. Pure: returns a new
// array when the list changes and the same array when it does not (so react-query keeps its reference).
// resourceVersion is opaque: it is never compared, the newest event simply wins.
import type { ResourceSummary } from "@/lib/views/summary";
import type { ListFilters } from "./list-filters";

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

export interface SummaryChangeEvent {
  type: ChangeType;
  summary: ResourceSummary;
  seenAt: number;
}

/** Types the server never lists when no resource is given (it lists LISTABLE). */
const NOT_LISTED_BY_DEFAULT = new Set(["events", "namespaces", "configmaps", "services"]);

/** Identity of an object inside one cluster: resource/namespace/name. */
export function summaryId(s: Pick<ResourceSummary, "resource" | "namespace" | "name">): string {
  return `${s.resource}/${s.namespace ?? "_"}/${s.name}`;
}

/** The server's list order: namespace, then name, then resource. */
export function compareSummaries(a: ResourceSummary, b: ResourceSummary): number {
  return (a.namespace ?? "").localeCompare(b.namespace ?? "") || a.name.localeCompare(b.name) || a.resource.localeCompare(b.resource);
}

/** Whether a summary belongs in a list with these filters (the same rules as the list endpoint). */
export function matchesFilters(s: ResourceSummary, f: ListFilters): boolean {
  if (f.resource ? s.resource !== f.resource : NOT_LISTED_BY_DEFAULT.has(s.resource)) return false;
  if (f.namespace && s.namespace !== f.namespace) return false;
  if (f.q && !`${s.namespace ?? ""}/${s.name}`.toLowerCase().includes(f.q.toLowerCase())) return false;
  if (f.health.length && !f.health.includes(s.health.status)) return false;
  return true;
}

/** Index where `s` goes to keep `items` in server order (binary search). */
function insertionIndex(items: readonly ResourceSummary[], s: ResourceSummary): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareSummaries(items[mid], s) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function applyChange(items: ResourceSummary[], change: SummaryChangeEvent, filters: ListFilters): ResourceSummary[] {
  const id = summaryId(change.summary);
  const at = items.findIndex((s) => summaryId(s) === id);
  const keep = change.type !== "DELETED" && matchesFilters(change.summary, filters);
  if (!keep) {
    if (at < 0) return items;
    return [...items.slice(0, at), ...items.slice(at + 1)];
  }
  if (at >= 0) {
    const next = items.slice();
    next[at] = change.summary;
    return next;
  }
  const next = items.slice();
  next.splice(insertionIndex(items, change.summary), 0, change.summary);
  return next;
}
