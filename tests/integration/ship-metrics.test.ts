// The Prometheus endpoint: its own port (start-stack.sh passes a free one and writes the URL to
// $STACK_DIR/metrics-url), no sign-in, every documented family present with samples for the demo cluster; the
// app's public port does not serve /metrics and the metrics port serves nothing else.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { act } from "./actions-helpers";
import { APP_URL, DEMO_DIR, eventually, signIn, type Session } from "./harness";

const METRICS_URL = readFileSync(path.join(DEMO_DIR, "metrics-url"), "utf8").trim();
const scrape = async () => {
  const res = await fetch(METRICS_URL);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};
/** The value of the first sample of `name` whose labels include all of `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe("metrics endpoint", () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await signIn("admin");
  });

  it("serves every family without a session, with samples for the demo cluster's caches, requests, SSE and operations", async () => {
    expect((await admin.fetch("/api/v1/overview")).status).toBe(200);
    // An operation, so the operations gauge has a row of its own.
    const list = (await (await admin.fetch("/api/v1/clusters/demo/resources?resource=kustomizations")).json()) as { items: { namespace: string; name: string }[] };
    const target = list.items[0];
    expect((await act(admin, { action: "reconcile", resource: "kustomizations", namespace: target.namespace, name: target.name })).status).toBe(202);
    // An open SSE stream.
    const abort = new AbortController();
    const stream = await admin.fetch("/api/v1/stream?cluster=demo", { signal: abort.signal, headers: { accept: "text/event-stream" } });
    expect(stream.status).toBe(200);
    try {
      const text = await eventually(async () => {
        const t = await scrape();
        return (sample(t, "fluxtower_sse_clients") ?? 0) >= 1 && sample(t, "fluxtower_checklist_gate", { cluster: "demo", namespace: "airflow" }) !== undefined ? t : undefined;
      }, 30_000, 500);
      const cache = { cluster: "demo", resource: "helmreleases", kind: "HelmRelease" };
      expect(sample(text, "fluxtower_watch_cache_synced", cache)).toBe(1);
      expect(sample(text, "fluxtower_watch_cache_stale_seconds", cache)).toBe(0);
      expect(sample(text, "fluxtower_watch_cache_relists_total", cache)).toBeGreaterThanOrEqual(1);
      expect(sample(text, "fluxtower_watch_cache_reconnects_total", cache)).toBeGreaterThanOrEqual(0);
      expect(sample(text, "fluxtower_watch_cache_objects", cache)).toBeGreaterThanOrEqual(1);
      expect(sample(text, "fluxtower_watch_cache_absent", cache)).toBe(0);
      expect(sample(text, "fluxtower_http_request_duration_seconds_count", { method: "GET", route: "/api/v1/overview", status: "200" })).toBeGreaterThanOrEqual(1);
      expect(sample(text, "fluxtower_http_request_duration_seconds_count", { method: "POST", route: "/api/v1/clusters/[cluster]/actions", status: "202" })).toBeGreaterThanOrEqual(1);
      expect(sample(text, "fluxtower_operations", { action: "reconcile" })).toBeGreaterThanOrEqual(1);
      expect(sample(text, "fluxtower_checklist_gate", { cluster: "demo", namespace: "airflow" })).toBeOneOf([0, 1]);
      expect(sample(text, "fluxtower_checklist_score", { cluster: "demo", namespace: "airflow" })).toBeGreaterThanOrEqual(0);
      expect(sample(text, "fluxtower_shutting_down")).toBe(0);
      // Rotations by kind × state: the family is declared even before the first rotation.
      expect(text).toContain("# TYPE fluxtower_rotations gauge");
      // Process metrics.
      expect(sample(text, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
      expect(sample(text, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
      // No raw paths as labels: the cluster id appears only as a pattern.
      expect(text).not.toMatch(/route="\/api\/v1\/clusters\/demo/);
    } finally {
      abort.abort();
    }
  });

  it("is not served on the app's public port, and the metrics port serves nothing else", async () => {
    for (const res of [await fetch(`${APP_URL}/metrics`, { redirect: "manual" }), await admin.fetch("/metrics", { redirect: "manual" })]) {
      expect(res.status).not.toBe(200);
      expect(await res.text()).not.toContain("# TYPE");
    }
    expect((await fetch(new URL("/", METRICS_URL))).status).toBe(404);
    expect((await fetch(METRICS_URL, { method: "POST" })).status).toBe(404);
  });
});
