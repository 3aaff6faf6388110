// Applies one cluster's live events to the react-query cache:
//  - lists: the change is merged into every cached list of the cluster whose filters match (setQueryData); a list
//    whose fetch was under way may land with data older than changes received meanwhile, so the changes of the
//    last seconds are replayed onto every freshly fetched list (upserts are idempotent, order is kept);
//  - details: the object's own detail and every detail whose graph or pods contain it are invalidated, batched
//    (one flush per `throttleMs`); ADDED/DELETED may add or drop graph nodes, so they refresh every detail;
//  - a recorded Kubernetes Event refreshes the details of the object it is about (their events table), batched the
//    same way; a Warning also refreshes the overview (its recent warnings);
//  - the overview is invalidated at most once per `overviewThrottleMs`.
// Client-safe (no browser APIs): the stream itself lives in components/live.
import type { Query, QueryCacheNotifyEvent, QueryClient } from "@tanstack/react-query";
import type { ResourceDetail } from "@/lib/views/detail";
import { applyChange, summaryId, type SummaryChangeEvent } from "./apply-change";
import { filtersOfListKey, queryKeys, refOfObjectKey } from "./keys";
import type { EventChangeEvent } from "./stream-events";
import type { ClustersResponse, ClusterStatusView, ListResponse } from "./types";

export interface LiveSyncOptions {
  throttleMs?: number;
  overviewThrottleMs?: number;
  /** Clock for the replay buffer (tests). */
  now?: () => number;
}

/** How long received changes are kept for replay onto lists fetched meanwhile. */
const REPLAY_WINDOW_MS = 10_000;
/** Changes received this long before a fetch started are replayed too (harmless, and covers clock skew). */
const REPLAY_MARGIN_MS = 1_000;

function detailContains(detail: ResourceDetail, id: string): boolean {
  return (
    summaryId(detail.summary) === id ||
    detail.graph.nodes.some((n) => n.id === id) ||
    detail.pods.some((p) => summaryId(p) === id)
  );
}

export class LiveCacheSync {
  private readonly throttleMs: number;
  private readonly overviewThrottleMs: number;
  private pendingObjects = new Set<Query>();
  private pendingAllObjects = false;
  private readonly now: () => number;
  private recent: { at: number; change: SummaryChangeEvent }[] = [];
  private fetchStartedAt = new Map<string, number>();
  private unsubscribeCache: (() => void) | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private overviewTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly qc: QueryClient,
    readonly cluster: string,
    opts: LiveSyncOptions = {},
  ) {
    this.throttleMs = opts.throttleMs ?? 300;
    this.overviewThrottleMs = opts.overviewThrottleMs ?? 2_000;
    this.now = opts.now ?? Date.now;
    this.unsubscribeCache = qc.getQueryCache().subscribe((event) => this.onCacheEvent(event));
  }

  applyChange(change: SummaryChangeEvent): void {
    const now = this.now();
    this.recent.push({ at: now, change });
    while (this.recent.length && this.recent[0].at < now - REPLAY_WINDOW_MS) this.recent.shift();
    const cache = this.qc.getQueryCache();
    for (const query of cache.findAll({ queryKey: queryKeys.lists(this.cluster) })) this.applyToList(query, [change]);
    if (change.type !== "MODIFIED") {
      this.pendingAllObjects = true;
    } else {
      const id = summaryId(change.summary);
      for (const query of cache.findAll({ queryKey: queryKeys.objects(this.cluster) })) {
        const data = query.state.data as ResourceDetail | undefined;
        const ref = refOfObjectKey(query.queryKey);
        const own = ref && `${ref.resource}/${ref.namespace}/${ref.name}` === id;
        if (own || (data && detailContains(data, id))) this.pendingObjects.add(query);
      }
    }
    this.schedule();
    this.scheduleOverview();
  }

  /** A Kubernetes Event was recorded: refresh the details it is about and, for a Warning, the overview. */
  applyEvent(change: EventChangeEvent): void {
    const inv = change.event.involved;
    for (const query of this.qc.getQueryCache().findAll({ queryKey: queryKeys.objects(this.cluster) })) {
      const s = (query.state.data as ResourceDetail | undefined)?.summary;
      if (s && s.kind === inv.kind && s.name === inv.name && (s.namespace ?? null) === (inv.namespace ?? null)) this.pendingObjects.add(query);
    }
    this.schedule();
    if (change.event.type === "Warning") this.scheduleOverview();
  }

  /** A `hello`/`status` event: keep the cluster list and the lists' cluster header in step. */
  applyStatus(status: ClusterStatusView): void {
    this.qc.setQueryData<ClustersResponse>(queryKeys.clusters(), (old) =>
      old
        ? {
            clusters: old.clusters.map((c) =>
              c.id === this.cluster
                ? {
                    ...c,
                    status: status.status === "syncing" ? "connected" : status.status,
                    syncing: status.status === "syncing",
                    staleSince: status.staleSince,
                    lastSyncAt: status.lastSyncAt,
                    message: status.message ?? c.message,
                  }
                : c,
            ),
          }
        : old,
    );
  }

  /** After the stream was down: everything may have changed, refetch what is on screen once. */
  resync(): void {
    void this.qc.invalidateQueries({ queryKey: queryKeys.cluster(this.cluster) });
    void this.qc.invalidateQueries({ queryKey: queryKeys.overview() });
  }

  private applyToList(query: Query, changes: readonly SummaryChangeEvent[]): void {
    const filters = filtersOfListKey(query.queryKey);
    const data = query.state.data as ListResponse | undefined;
    if (!filters || !data) return;
    let items = data.items;
    for (const c of changes) items = applyChange(items, c, filters);
    if (items !== data.items) this.qc.setQueryData<ListResponse>(query.queryKey, { ...data, items });
  }

  private onCacheEvent(event: QueryCacheNotifyEvent): void {
    if (!filtersOfListKey(event.query.queryKey) || event.query.queryKey[1] !== this.cluster) return;
    if (event.type === "removed") {
      this.fetchStartedAt.delete(event.query.queryHash);
      return;
    }
    if (event.type !== "updated") return;
    const action = event.action;
    if (action.type === "fetch") {
      this.fetchStartedAt.set(event.query.queryHash, this.now());
    } else if (action.type === "success" && !action.manual) {
      const started = this.fetchStartedAt.get(event.query.queryHash);
      this.fetchStartedAt.delete(event.query.queryHash);
      if (started === undefined) return;
      const replay = this.recent.filter((r) => r.at >= started - REPLAY_MARGIN_MS).map((r) => r.change);
      const query = event.query;
      // Outside the cache's notification: setQueryData from inside a listener would nest dispatches.
      if (replay.length) queueMicrotask(() => this.applyToList(query, replay));
    }
  }

  dispose(): void {
    this.unsubscribeCache?.();
    this.unsubscribeCache = null;
    this.recent = [];
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.overviewTimer) clearTimeout(this.overviewTimer);
    this.flushTimer = this.overviewTimer = null;
    this.pendingObjects.clear();
  }

  private schedule(): void {
    if (this.flushTimer) return;
    if (!this.pendingAllObjects && !this.pendingObjects.size) return;
    this.flushTimer = setTimeout(() => this.flush(), this.throttleMs);
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.pendingAllObjects) {
      void this.qc.invalidateQueries({ queryKey: queryKeys.objects(this.cluster) });
    } else {
      for (const query of this.pendingObjects) void this.qc.invalidateQueries({ queryKey: query.queryKey, exact: true });
    }
    this.pendingAllObjects = false;
    this.pendingObjects.clear();
  }

  private scheduleOverview(): void {
    if (this.overviewTimer) return;
    this.overviewTimer = setTimeout(() => {
      this.overviewTimer = null;
      void this.qc.invalidateQueries({ queryKey: queryKeys.overview() });
    }, this.overviewThrottleMs);
  }
}
