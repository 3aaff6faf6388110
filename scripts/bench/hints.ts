// Where to look when a goal is missed (keyed by the table's figure name). These come from CPU profiles of the app
// under this benchmark (node --cpu-prof on next-server); fixes belong to the owners of lib/ and app/.
export const HINTS: Record<string, string> = {
  "overview p95":
    "Compare with the no-op row: if both are slow the event loop is busy (see 'app busy after readyz'); otherwise profile " +
    "lib/cluster-view/overview.ts (visibleSummaries over every kind, clusterGraph rebuild after changes, rootCause per item).",
  "overview payload":
    "The overview should carry counts and at most 50 attention items; check what lib/cluster-view/overview.ts adds per item.",
  "list helmreleases p95":
    "Compare with the no-op row: if both are slow the event loop is busy with background work (in profiles so far: " +
    "lib/checklist-service/monitor.ts evaluations and their Prisma queries); otherwise lib/cluster-view/list.ts + JSON size.",
  "API watches, 1 SSE client":
    "A watch per SSE client means the stream route opens its own watch instead of using the shared cache.",
  "API watches, 50 SSE clients":
    "A watch per SSE client means the stream route opens its own watch instead of using the shared cache.",
  "change → SSE event p95":
    "If '  change → app cache (seenAt)' is also late, the app's event loop was blocked when the watch event arrived. In " +
    "profiles so far: ChecklistMonitor.onChange runs discoverSubjects() (every HelmRelease, filtered and sorted) per " +
    "cache change, and ~100 release evaluations fire in one timer tick per change in a tenant namespace.",
};
