// Client-side sorting of list rows. Pure.
import type { HealthStatus } from "@/lib/health/types";
import type { ResourceSummary } from "@/lib/views/summary";
import type { SortDir, SortKey } from "./list-filters";

/** Ascending health order puts the worst first. */
const HEALTH_RANK: Record<HealthStatus, number> = { Degraded: 0, Progressing: 1, Unknown: 2, Suspended: 3, Healthy: 4 };

function time(s: string | null): number {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

const byName = (a: ResourceSummary, b: ResourceSummary) => a.name.localeCompare(b.name) || (a.namespace ?? "").localeCompare(b.namespace ?? "");

const COMPARATORS: Record<SortKey, (a: ResourceSummary, b: ResourceSummary) => number> = {
  name: byName,
  namespace: (a, b) => (a.namespace ?? "").localeCompare(b.namespace ?? ""),
  health: (a, b) => HEALTH_RANK[a.health.status] - HEALTH_RANK[b.health.status] || Number(b.health.stalled) - Number(a.health.stalled),
  revision: (a, b) => (a.revision ?? "").localeCompare(b.revision ?? "", undefined, { numeric: true }),
  lastReconciledAt: (a, b) => time(b.lastReconciledAt) - time(a.lastReconciledAt), // newest first
  // Age ascending = youngest first, like `kubectl get --sort-by=.metadata.creationTimestamp` reversed; oldest last.
  age: (a, b) => time(b.createdAt) - time(a.createdAt),
};

/** A sorted copy; ties fall back to name so the order is stable across live updates. */
export function sortSummaries(items: readonly ResourceSummary[], key: SortKey, dir: SortDir): ResourceSummary[] {
  const cmp = COMPARATORS[key];
  const sign = dir === "asc" ? 1 : -1;
  return items.slice().sort((a, b) => sign * cmp(a, b) || byName(a, b));
}
