// Metrics read at scrape time: watch cache state per cluster × resource type, open SSE clients, shutdown state,
// and from the database operations and rotations by kind × state and each release's latest checklist gate.
import "server-only";
import { Counter, Gauge, type Registry } from "prom-client";
import { getDb } from "@/lib/db/client";
import { allClusterCaches } from "@/lib/k8s/cache/registry";
import type { ResourceCache } from "@/lib/k8s/cache/resource-cache";
import { isShuttingDown, openStreamCount } from "@/lib/shutdown/state";

const CACHE_LABELS = ["cluster", "resource", "kind"] as const;

function cacheMetrics(registry: Registry): void {
  const each = (fn: (labels: Record<(typeof CACHE_LABELS)[number], string>, c: ResourceCache) => void) => {
    for (const cluster of allClusterCaches()) for (const c of cluster.caches.values()) fn({ cluster: cluster.id, resource: c.info.resource, kind: c.info.kind }, c);
  };
  new Gauge({
    name: "fluxtower_watch_cache_synced",
    help: "1 when the watch cache of this resource type has listed it (or found it not served), else 0",
    labelNames: CACHE_LABELS,
    registers: [registry],
    collect() {
      this.reset();
      each((l, c) => this.set(l, c.state.synced ? 1 : 0));
    },
  });
  new Gauge({
    name: "fluxtower_watch_cache_absent",
    help: "1 when the API server does not serve this resource type (e.g. the CRD is not installed)",
    labelNames: CACHE_LABELS,
    registers: [registry],
    collect() {
      this.reset();
      each((l, c) => this.set(l, c.state.absent ? 1 : 0));
    },
  });
  new Gauge({
    name: "fluxtower_watch_cache_stale_seconds",
    help: "Seconds since the watch lost the API server while serving cached state (0 when connected)",
    labelNames: CACHE_LABELS,
    registers: [registry],
    collect() {
      this.reset();
      const now = Date.now();
      each((l, c) => this.set(l, c.state.stale && c.state.staleSince ? Math.max(0, (now - Date.parse(c.state.staleSince)) / 1000) : 0));
    },
  });
  new Gauge({
    name: "fluxtower_watch_cache_objects",
    help: "Objects held in the watch cache",
    labelNames: CACHE_LABELS,
    registers: [registry],
    collect() {
      this.reset();
      each((l, c) => this.set(l, c.items.size));
    },
  });
  new Counter({
    name: "fluxtower_watch_cache_relists_total",
    help: "Full lists taken (start, 410 Gone, after the API server was unreachable)",
    labelNames: CACHE_LABELS,
    registers: [registry],
    collect() {
      this.reset();
      each((l, c) => this.inc(l, c.relists));
    },
  });
  new Counter({
    name: "fluxtower_watch_cache_reconnects_total",
    help: "Watch connections opened after the first (server timeouts, dropped connections, errors)",
    labelNames: CACHE_LABELS,
    registers: [registry],
    collect() {
      this.reset();
      each((l, c) => this.inc(l, c.reconnects));
    },
  });
}

function processStateMetrics(registry: Registry): void {
  new Gauge({
    name: "fluxtower_sse_clients",
    help: "Open Server-Sent Events streams (live updates, operation/rotation progress, followed logs)",
    registers: [registry],
    collect() {
      this.set(openStreamCount());
    },
  });
  new Gauge({
    name: "fluxtower_shutting_down",
    help: "1 once SIGTERM was received (readiness answers 503)",
    registers: [registry],
    collect() {
      this.set(isShuttingDown() ? 1 : 0);
    },
  });
}

function databaseMetrics(registry: Registry): void {
  new Gauge({
    name: "fluxtower_operations",
    help: "Operations (reconcile, suspend, restart …) in the database by action and state",
    labelNames: ["action", "state"] as const,
    registers: [registry],
    async collect() {
      const rows = await (await getDb()).operation.groupBy({ by: ["action", "state"], _count: { _all: true } });
      this.reset();
      for (const r of rows) this.set({ action: r.action, state: r.state }, r._count._all);
    },
  });
  new Gauge({
    name: "fluxtower_rotations",
    help: "Secret rotations in the database by kind and state",
    labelNames: ["kind", "state"] as const,
    registers: [registry],
    async collect() {
      const rows = await (await getDb()).rotation.groupBy({ by: ["kind", "state"], _count: { _all: true } });
      this.reset();
      for (const r of rows) this.set({ kind: r.kind, state: r.state }, r._count._all);
    },
  });
  // The latest run per release (one indexed groupBy, then those rows), shared by both gauges of one scrape.
  let memo: { at: number; runs: Promise<{ cluster: string; namespace: string; release: string; gate: string; score: number }[]> } | undefined;
  const latestRuns = () => {
    if (memo && Date.now() - memo.at < 1_000) return memo.runs;
    const runs = (async () => {
      const db = await getDb();
      const latest = await db.checklistRun.groupBy({ by: ["cluster", "namespace", "release"], _max: { at: true } });
      if (latest.length === 0) return [];
      const rows = await db.checklistRun.findMany({
        where: { OR: latest.map((l) => ({ cluster: l.cluster, namespace: l.namespace, release: l.release, at: l._max.at ?? new Date(0) })) },
        orderBy: { at: "desc" },
        select: { cluster: true, namespace: true, release: true, gate: true, score: true },
      });
      const seen = new Set<string>();
      return rows.filter((r) => {
        const key = `${r.cluster}/${r.namespace}/${r.release}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
    })();
    memo = { at: Date.now(), runs };
    return runs;
  };
  new Gauge({
    name: "fluxtower_checklist_gate",
    help: "Latest production-readiness checklist gate per Airflow release: 1 pass, 0 fail",
    labelNames: ["cluster", "namespace", "release"] as const,
    registers: [registry],
    async collect() {
      const runs = await latestRuns();
      this.reset();
      for (const r of runs) this.set({ cluster: r.cluster, namespace: r.namespace, release: r.release }, r.gate === "pass" ? 1 : 0);
    },
  });
  new Gauge({
    name: "fluxtower_checklist_score",
    help: "Latest production-readiness checklist score per Airflow release",
    labelNames: ["cluster", "namespace", "release"] as const,
    registers: [registry],
    async collect() {
      const runs = await latestRuns();
      this.reset();
      for (const r of runs) this.set({ cluster: r.cluster, namespace: r.namespace, release: r.release }, r.score);
    },
  });
}

/** Registers the scrape-time collectors once per registry. */
export function registerCollectors(registry: Registry): void {
  cacheMetrics(registry);
  processStateMetrics(registry);
  databaseMetrics(registry);
}
