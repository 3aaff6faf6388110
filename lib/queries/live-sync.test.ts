import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ResourceDetail } from "@/lib/views/detail";
import { summary } from "./fixtures/summaries";
import { queryKeys } from "./keys";
import { makeFilters } from "./list-filters";
import { LiveCacheSync } from "./live-sync";
import type { ClustersResponse, ListResponse } from "./types";

const cluster = { id: "demo", status: "connected" as const, staleSince: null, lastSyncAt: null };
const list = (...names: string[]): ListResponse => ({ items: names.map((n) => summary("helmreleases", "airflow", n)), cluster });

function detail(name: string, graphIds: string[] = []): ResourceDetail {
  const s = summary("helmreleases", "airflow", name);
  return {
    cluster: "demo",
    object: { apiVersion: "v2", kind: "HelmRelease", metadata: { name, namespace: "airflow" } },
    summary: s,
    health: s.health,
    conditions: [],
    suspend: null,
    graph: {
      nodes: graphIds.map((id) => ({ id, resource: id.split("/")[0], kind: "X", namespace: "airflow", name: id.split("/")[2], health: "Healthy", reason: "", message: "", missing: false, focus: false })),
      edges: [],
    },
    rootCause: [],
    events: [],
    pods: [],
  };
}

let qc: QueryClient;
let sync: LiveCacheSync;

beforeEach(() => {
  vi.useFakeTimers();
  qc = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  sync = new LiveCacheSync(qc, "demo", { throttleMs: 300, overviewThrottleMs: 2000 });
});
afterEach(() => {
  sync.dispose();
  vi.useRealTimers();
});

const change = (type: "ADDED" | "MODIFIED" | "DELETED", name: string, status: Parameters<typeof summary>[3] = "Healthy") => ({
  type,
  summary: summary("helmreleases", "airflow", name, status),
  seenAt: 0,
});

describe("LiveCacheSync lists", () => {
  it("merges a change into every matching list of the cluster, and only there", () => {
    const all = queryKeys.list("demo", makeFilters("helmreleases"));
    const healthy = queryKeys.list("demo", makeFilters("helmreleases", { health: ["Healthy"] }));
    const other = queryKeys.list("prod", makeFilters("helmreleases"));
    qc.setQueryData(all, list("airflow", "statsd"));
    qc.setQueryData(healthy, list("airflow", "statsd"));
    qc.setQueryData(other, list("airflow"));

    sync.applyChange(change("MODIFIED", "airflow", "Suspended"));

    expect(qc.getQueryData<ListResponse>(all)?.items.map((s) => s.health.status)).toEqual(["Suspended", "Healthy"]);
    expect(qc.getQueryData<ListResponse>(healthy)?.items.map((s) => s.name)).toEqual(["statsd"]);
    expect(qc.getQueryData<ListResponse>(other)?.items[0].health.status).toBe("Healthy");
  });

  it("replays changes received while a list was being fetched onto the fetched data", async () => {
    const key = queryKeys.list("demo", makeFilters("helmreleases"));
    let resolve: (v: ListResponse) => void = () => undefined;
    const pending = qc.fetchQuery({ queryKey: key, queryFn: () => new Promise<ListResponse>((r) => (resolve = r)) });
    sync.applyChange(change("ADDED", "redis")); // arrives while the (older) response is on its way
    resolve(list("airflow"));
    await pending;
    await Promise.resolve();
    expect(qc.getQueryData<ListResponse>(key)?.items.map((s) => s.name)).toEqual(["airflow", "redis"]);
  });
});

describe("LiveCacheSync details", () => {
  it("invalidates the changed object's detail and details whose graph contains it, throttled", async () => {
    const own = queryKeys.object("demo", "helmreleases", "airflow", "airflow");
    const viaGraph = queryKeys.object("demo", "kustomizations", "airflow", "apps");
    const unrelated = queryKeys.object("demo", "helmreleases", "airflow", "statsd");
    qc.setQueryData(own, detail("airflow"));
    qc.setQueryData(viaGraph, detail("apps", ["helmreleases/airflow/airflow"]));
    qc.setQueryData(unrelated, detail("statsd", ["secrets/airflow/x"]));

    sync.applyChange(change("MODIFIED", "airflow"));
    sync.applyChange(change("MODIFIED", "airflow"));
    expect(qc.getQueryState(own)?.isInvalidated).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(qc.getQueryState(own)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(viaGraph)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(unrelated)?.isInvalidated).toBe(false);
  });

  it("refreshes every detail of the cluster on ADDED/DELETED (graphs may gain or lose nodes)", async () => {
    const a = queryKeys.object("demo", "helmreleases", "airflow", "statsd");
    const b = queryKeys.object("prod", "helmreleases", "airflow", "statsd");
    qc.setQueryData(a, detail("statsd"));
    qc.setQueryData(b, detail("statsd"));
    sync.applyChange(change("DELETED", "redis"));
    await vi.advanceTimersByTimeAsync(300);
    expect(qc.getQueryState(a)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(b)?.isInvalidated).toBe(false);
  });

  it("invalidates the overview at most once per window", async () => {
    qc.setQueryData(queryKeys.overview(), { clusters: [] });
    const spy = vi.spyOn(qc, "invalidateQueries");
    for (let i = 0; i < 10; i++) sync.applyChange(change("MODIFIED", `n${i}`));
    await vi.advanceTimersByTimeAsync(2000);
    expect(spy.mock.calls.filter(([f]) => JSON.stringify(f?.queryKey) === '["overview"]')).toHaveLength(1);
  });
});

describe("LiveCacheSync Kubernetes events", () => {
  const recorded = (type: string, kind: string, name: string, namespace: string | null = "airflow") => ({
    type: "ADDED" as const,
    namespace,
    event: { type, reason: "Progressing", message: "m", count: 1, firstTimestamp: null, lastTimestamp: null, source: "helm-controller", involved: { kind, namespace, name } },
  });

  it.each([
    { what: "the object's own detail", event: recorded("Normal", "HelmRelease", "airflow"), refreshed: true },
    { what: "not a detail of another name", event: recorded("Normal", "HelmRelease", "statsd"), refreshed: false },
    { what: "not a detail of another kind with the same name", event: recorded("Normal", "Kustomization", "airflow"), refreshed: false },
    { what: "not a detail in another namespace", event: recorded("Normal", "HelmRelease", "airflow", "flux-system"), refreshed: false },
  ])("refreshes $what", async ({ event, refreshed }) => {
    const key = queryKeys.object("demo", "helmreleases", "airflow", "airflow");
    qc.setQueryData(key, detail("airflow"));
    sync.applyEvent(event);
    await vi.advanceTimersByTimeAsync(300);
    expect(qc.getQueryState(key)?.isInvalidated).toBe(refreshed);
  });

  it("refreshes the overview for a Warning, not for a Normal event", async () => {
    const spy = vi.spyOn(qc, "invalidateQueries");
    const overviewCalls = () => spy.mock.calls.filter(([f]) => JSON.stringify(f?.queryKey) === '["overview"]').length;
    sync.applyEvent(recorded("Normal", "HelmRelease", "airflow"));
    await vi.advanceTimersByTimeAsync(2000);
    expect(overviewCalls()).toBe(0);
    sync.applyEvent(recorded("Warning", "HelmRelease", "airflow"));
    await vi.advanceTimersByTimeAsync(2000);
    expect(overviewCalls()).toBe(1);
  });
});

describe("LiveCacheSync status", () => {
  it("updates the cluster in the cluster list", () => {
    qc.setQueryData<ClustersResponse>(queryKeys.clusters(), {
      clusters: [
        { id: "demo", name: "demo", server: "https://x", status: "connected", lastSyncAt: null, staleSince: null, message: "" },
        { id: "prod", name: "prod", server: "https://y", status: "connected", lastSyncAt: null, staleSince: null, message: "" },
      ],
    });
    sync.applyStatus({ status: "stale", staleSince: "2024-05-01T10:00:00Z", lastSyncAt: null, message: "unreachable" });
    const data = qc.getQueryData<ClustersResponse>(queryKeys.clusters());
    expect(data?.clusters.map((c) => c.status)).toEqual(["stale", "connected"]);
    expect(data?.clusters[0].staleSince).toBe("2024-05-01T10:00:00Z");
  });
});
