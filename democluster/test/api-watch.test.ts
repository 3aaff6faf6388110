// Watch: initial ADDED events, resume from a resourceVersion, selector transitions, bookmarks, timeoutSeconds,
// and 410 Expired once the requested version has left the retained event window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import {
  api,
  createHelmRelease,
  createNamespace,
  HR_PATH,
  obj,
  readWatch,
  sleep,
  startTestCluster,
  type Api,
} from "./helpers";

let cluster: DemoCluster;
let call: Api;
const HRS = `${HR_PATH}/namespaces/w/helmreleases`;

beforeAll(async () => {
  cluster = await startTestCluster({ eventWindow: 50, bookmarkIntervalMs: 100 });
  call = api(cluster);
  await createNamespace(call, "w");
  await createNamespace(call, "other");
});
afterAll(async () => cluster.stop());

function watchUrl(query: string, path = HRS): string {
  return `${cluster.url}${path}?watch=true&${query}`;
}

describe("watch", () => {
  it("without resourceVersion starts with ADDED for the current state, then streams changes", async () => {
    await createHelmRelease(call, "w", "w1");
    await createHelmRelease(call, "other", "elsewhere");
    const pending = readWatch(watchUrl(""), cluster.tokens.admin, (ev) => ev.some((e) => e.type === "MODIFIED"));
    await sleep(100);
    await call("PATCH", `${HRS}/w1`, {
      body: { spec: { suspend: true } },
      contentType: "application/merge-patch+json",
    });
    const events = await pending;
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED w1", "MODIFIED w1"]);
    expect(events[1]?.object.spec.suspend).toBe(true);
  });

  it("resourceVersion=0 also starts with the current state", async () => {
    const events = await readWatch(watchUrl("resourceVersion=0"), cluster.tokens.admin, (ev) => ev.length >= 1);
    expect(events[0]?.type).toBe("ADDED");
  });

  it("resumes from a resourceVersion with exactly the later events (ADDED, MODIFIED, DELETED)", async () => {
    const list = obj((await call("GET", HRS)).json);
    const rv = list.metadata.resourceVersion as string;
    await createHelmRelease(call, "w", "w2");
    await call("PATCH", `${HRS}/w2`, {
      body: { metadata: { labels: { x: "y" } } },
      contentType: "application/merge-patch+json",
    });
    await call("DELETE", `${HRS}/w2`);
    await createHelmRelease(call, "other", "not-mine");
    const events = await readWatch(watchUrl(`resourceVersion=${rv}`), cluster.tokens.admin, (ev) => ev.length >= 3);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(["ADDED w2", "MODIFIED w2", "DELETED w2"]);
    const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(rvs[0]).toBeGreaterThan(Number(rv));
  });

  it("cluster-wide watch sees every namespace", async () => {
    const rv = obj((await call("GET", HRS)).json).metadata.resourceVersion as string;
    await createHelmRelease(call, "other", "cw");
    const events = await readWatch(
      watchUrl(`resourceVersion=${rv}`, `${HR_PATH}/helmreleases`),
      cluster.tokens.admin,
      (ev) => ev.length >= 1,
    );
    expect(events[0]?.object.metadata).toMatchObject({ name: "cw", namespace: "other" });
  });

  it("label selector: objects entering the selection are ADDED, leaving are DELETED", async () => {
    const rv = obj((await call("GET", HRS)).json).metadata.resourceVersion as string;
    await createHelmRelease(call, "w", "sel");
    await call("PATCH", `${HRS}/sel`, {
      body: { metadata: { labels: { app: "airflow" } } },
      contentType: "application/merge-patch+json",
    });
    await call("PATCH", `${HRS}/sel`, {
      body: { spec: { suspend: true } },
      contentType: "application/merge-patch+json",
    });
    await call("PATCH", `${HRS}/sel`, {
      body: { metadata: { labels: null } },
      contentType: "application/merge-patch+json",
    });
    const events = await readWatch(
      watchUrl(`resourceVersion=${rv}&labelSelector=app%3Dairflow`),
      cluster.tokens.admin,
      (ev) => ev.length >= 3,
    );
    expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
  });

  it("watching a single object by name (fieldSelector metadata.name)", async () => {
    await createHelmRelease(call, "w", "one");
    await createHelmRelease(call, "w", "two");
    const events = await readWatch(
      watchUrl("fieldSelector=metadata.name%3Done"),
      cluster.tokens.admin,
      (ev) => ev.length >= 1,
      500,
    );
    expect(events.map((e) => e.object.metadata.name)).toEqual(["one"]);
  });

  it("sends BOOKMARK events with only metadata.resourceVersion when allowed", async () => {
    const events = await readWatch(watchUrl("allowWatchBookmarks=true&resourceVersion=0"), cluster.tokens.admin, (ev) =>
      ev.some((e) => e.type === "BOOKMARK"),
    );
    const bookmark = events.find((e) => e.type === "BOOKMARK");
    expect(bookmark?.object).toEqual({
      kind: "HelmRelease",
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      metadata: { resourceVersion: cluster.store.currentResourceVersion() },
    });
  });

  it("sendInitialEvents=true (watch-list) ends the initial ADDED events with an initial-events-end bookmark", async () => {
    const events = await readWatch(
      watchUrl("sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true"),
      cluster.tokens.admin,
      (ev) => ev.some((e) => e.type === "BOOKMARK"),
    );
    const bookmark = events.at(-1);
    expect(bookmark?.type).toBe("BOOKMARK");
    expect(bookmark?.object.metadata.annotations).toEqual({ "k8s.io/initial-events-end": "true" });
    expect(events.slice(0, -1).every((e) => e.type === "ADDED")).toBe(true);
    expect(events.length).toBeGreaterThan(1);
  });

  it("does not send bookmarks unless asked", async () => {
    const events = await readWatch(watchUrl("resourceVersion=0"), cluster.tokens.admin, () => false, 400);
    expect(events.some((e) => e.type === "BOOKMARK")).toBe(false);
  });

  it("ends the stream after timeoutSeconds", async () => {
    const started = Date.now();
    const res = await fetch(watchUrl("timeoutSeconds=1"), {
      headers: { Authorization: `Bearer ${cluster.tokens.admin}` },
    });
    const text = await res.text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(text.trim().split("\n").length).toBeGreaterThan(0);
  });

  it("answers 410 Expired (ERROR event with a Status) when the version left the retained window", async () => {
    const rv = cluster.store.currentResourceVersion();
    for (let i = 0; i < 60; i++)
      await call("POST", "/api/v1/namespaces/other/configmaps", { body: { metadata: { name: `fill-${i}` } } });
    const events = await readWatch(watchUrl(`resourceVersion=${rv}`), cluster.tokens.admin, (ev) => ev.length >= 1);
    expect(events).toHaveLength(1);
    expect(events[0]?.type).toBe("ERROR");
    expect(events[0]?.object).toMatchObject({ kind: "Status", status: "Failure", code: 410, reason: "Expired" });
    expect(events[0]?.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it("400 for a malformed resourceVersion", async () => {
    const res = await call("GET", `${HRS}?watch=1&resourceVersion=abc`);
    expect(res.status).toBe(400);
  });

  it("serves the legacy /watch/ path prefix", async () => {
    const events = await readWatch(
      `${cluster.url}${HR_PATH}/watch/namespaces/w/helmreleases`,
      cluster.tokens.admin,
      (ev) => ev.length >= 1,
    );
    expect(events[0]?.type).toBe("ADDED");
  });
});
