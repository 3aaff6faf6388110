import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { summary } from "@/lib/queries/fixtures/summaries";
import { queryKeys } from "@/lib/queries/keys";
import { makeFilters } from "@/lib/queries/list-filters";
import type { ListResponse } from "@/lib/queries/types";
import { getLiveState } from "./live-store";
import { retainClusterStream } from "./stream-hub";

/** A stand-in for the browser's EventSource: records instances, lets tests emit events. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, fn: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  fail(closed: boolean) {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.onerror?.();
  }
}

let qc: QueryClient;
const fetchMock = vi.fn<(url: string) => Promise<{ status: number }>>();

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.instances = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockReset();
  qc = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
});
afterEach(async () => {
  await vi.runOnlyPendingTimersAsync();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("retainClusterStream", () => {
  it("opens one EventSource per cluster however many components retain it, and closes it after the last release", async () => {
    const a = retainClusterStream("c1", qc);
    const b = retainClusterStream("c1", qc);
    const c = retainClusterStream("c2", qc);
    expect(FakeEventSource.instances.map((s) => s.url)).toEqual(["/api/v1/stream?cluster=c1", "/api/v1/stream?cluster=c2"]);
    a();
    b();
    b(); // releasing twice is harmless
    expect(FakeEventSource.instances[0].readyState).not.toBe(FakeEventSource.CLOSED); // lingers for navigations
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeEventSource.instances[0].readyState).toBe(FakeEventSource.CLOSED);
    expect(getLiveState("c1").stream).toBe("idle");
    c();
  });

  it("applies change and status events to the cache and the live state", () => {
    const release = retainClusterStream("c3", qc);
    const key = queryKeys.list("c3", makeFilters("helmreleases"));
    qc.setQueryData<ListResponse>(key, { items: [summary("helmreleases", "airflow", "airflow")], cluster: { id: "c3", status: "connected", staleSince: null, lastSyncAt: null } });
    const es = FakeEventSource.instances[0];
    es.open();
    expect(getLiveState("c3").stream).toBe("open");
    es.emit("change", { type: "MODIFIED", summary: summary("helmreleases", "airflow", "airflow", "Suspended"), seenAt: 1 });
    expect(qc.getQueryData<ListResponse>(key)?.items[0].health.status).toBe("Suspended");
    es.emit("status", { cluster: "c3", status: { status: "stale", staleSince: "2024-05-01T10:00:00Z", message: "down" } });
    expect(getLiveState("c3").status?.status).toBe("stale");
    release();
  });

  it("refetches once after the browser reconnects a dropped stream", () => {
    const release = retainClusterStream("c4", qc);
    const es = FakeEventSource.instances[0];
    es.open();
    const spy = vi.spyOn(qc, "invalidateQueries");
    es.fail(false); // the browser retries by itself
    expect(getLiveState("c4").stream).toBe("down");
    es.open();
    expect(spy).toHaveBeenCalledWith({ queryKey: ["k8s", "c4"] });
    release();
  });

  it("asks the API why a refused stream closed: signed out stops, anything else reconnects with backoff", async () => {
    const r1 = retainClusterStream("c5", qc);
    fetchMock.mockResolvedValueOnce({ status: 401 });
    FakeEventSource.instances[0].fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(getLiveState("c5").stream).toBe("signed-out");

    const r2 = retainClusterStream("c6", qc);
    fetchMock.mockResolvedValueOnce({ status: 200 });
    const first = FakeEventSource.instances[FakeEventSource.instances.length - 1];
    first.fail(true);
    await vi.advanceTimersByTimeAsync(2_000);
    const second = FakeEventSource.instances[FakeEventSource.instances.length - 1];
    expect(second).not.toBe(first);
    expect(second.url).toBe("/api/v1/stream?cluster=c6");
    r1();
    r2();
  });
});
