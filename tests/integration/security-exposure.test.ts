// Issue 18, fix 9: less to the unauthenticated and to viewers. /api/readyz (no session) names what is not ready
// but carries no error text; API-server addresses (a kubeconfig's `server`, and host:port inside connection errors)
// reach admins only — the cluster list, the overview, the live stream and error responses alike.
//
// This file starts its own instance whose kubeconfig has the demo cluster plus a context "offline" whose API server
// refuses connections (https://127.0.0.1:1), so there is an error to hide.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signInAt, startInstance, type AppInstance } from "./app-instance";
import { DEMO_DIR, eventually, type Session } from "./harness";

interface Kubeconfig {
  clusters: { name: string; cluster: Record<string, string> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
}

interface ClusterItem {
  id: string;
  server?: string;
  status: string;
  message: string;
}

const OFFLINE = "https://127.0.0.1:1";
/** The demo API server as the kubeconfig names it (https), and its host:port. */
const demoApiServer = (JSON.parse(readFileSync(path.join(DEMO_DIR, "server.json"), "utf8")) as { httpsUrl: string }).httpsUrl.replace(/\/$/, "");
const demoHostPort = new URL(demoApiServer).host; // e.g. 127.0.0.1:41234
let app: AppInstance | undefined;
let admin: Session;
let viewer: Session;

function kubeconfigWithOfflineCluster(): string {
  const kc = parse(readFileSync(path.join(DEMO_DIR, "fluxtower.kubeconfig"), "utf8")) as Kubeconfig;
  const demo = kc.clusters[0];
  kc.clusters.push({ name: "offline", cluster: { ...demo.cluster, server: OFFLINE } });
  kc.contexts.push({ name: "offline", context: { ...kc.contexts[0].context, cluster: "offline" } });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "fluxtower-exposure-")), "kubeconfig");
  writeFileSync(file, stringify(kc), { mode: 0o600 });
  return file;
}

/** Every way an address could be written: the URL, host:port, and the demo cluster's host:port. */
function addressesIn(text: string): string[] {
  return [OFFLINE, "127.0.0.1:1\"", "127.0.0.1:1 ", "127.0.0.1:1)", demoApiServer, demoHostPort].filter((a) => text.includes(a));
}

async function clusters(s: Session): Promise<ClusterItem[]> {
  const res = await s.fetch("/api/v1/clusters");
  expect(res.status).toBe(200);
  return ((await res.json()) as { clusters: ClusterItem[] }).clusters;
}

beforeAll(async () => {
  app = await startInstance(await freePort(), { KUBECONFIG: kubeconfigWithOfflineCluster() });
  admin = await signInAt(app.url, "admin");
  viewer = await signInAt(app.url, "viewer");
  // wait until the offline cluster has failed at least once (its message then carries the connection error)
  await eventually(async () => (await clusters(admin)).find((c) => c.id === "offline" && /ECONNREFUSED/.test(c.message)), 60_000, 500);
}, 120_000);

afterAll(() => app?.kill());

describe("readiness probe", () => {
  it("says which part is not ready, without error text", async () => {
    const res = await fetch(new URL("/api/readyz", app?.url));
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; reasons: string[] };
    expect(body.status).toBe("not-ready");
    expect(body.reasons).toContain("cluster offline: not synced");
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/ECONNREFUSED|connect|refused|certificate|127\.0\.0\.1/i);
  });
});

describe("API-server addresses are for admins", () => {
  it("GET /api/v1/clusters: admins see server and the error; viewers neither the URL nor host:port", async () => {
    const forAdmin = await clusters(admin);
    expect(forAdmin.find((c) => c.id === "offline")).toMatchObject({ server: OFFLINE });
    expect(forAdmin.find((c) => c.id === "demo")?.server?.replace(/\/$/, "")).toBe(demoApiServer);
    const forViewer = await clusters(viewer);
    expect(forViewer.map((c) => c.id).sort()).toEqual(["demo", "offline"]);
    for (const c of forViewer) expect(c).not.toHaveProperty("server");
    const offline = forViewer.find((c) => c.id === "offline");
    expect(offline?.status).toBe(forAdmin.find((c) => c.id === "offline")?.status);
    expect(offline?.message).toMatch(/ECONNREFUSED/); // the kind of failure stays useful
    expect(addressesIn(JSON.stringify(forViewer))).toEqual([]);
  });

  it("the overview shows viewers no address", async () => {
    const res = await viewer.fetch("/api/v1/overview");
    expect(addressesIn(await res.text())).toEqual([]);
  });

  it("the live stream's cluster status shows viewers no address", async () => {
    const controller = new AbortController();
    const res = await viewer.fetch("/api/v1/stream?cluster=offline", { signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body?.getReader();
    let text = "";
    const deadline = Date.now() + 10_000;
    while (reader && !text.includes("event: hello") && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(text).toContain("event: hello");
    expect(text).toMatch(/ECONNREFUSED/);
    expect(addressesIn(text)).toEqual([]);
  });

  it("error responses show viewers no address (a permission check the offline cluster cannot answer)", async () => {
    const res = await viewer.fetch("/api/v1/clusters/offline/resources?resource=helmreleases");
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(addressesIn(text)).toEqual([]);
  });
});
