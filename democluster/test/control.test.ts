// /__demo control endpoints: token protection, request log, faults (latency, error rate, dropped watches,
// outage then recovery), and the Simulation routes with zod-validated bodies.
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
import { fakeSimulation, type FakeSimulation } from "./fake-simulation";

let cluster: DemoCluster;
let call: Api;
let sim: FakeSimulation;

beforeAll(async () => {
  const fake = fakeSimulation();
  sim = fake.sim;
  cluster = await startTestCluster({ startSimulation: fake.start, scenario: "empty" });
  call = api(cluster);
  await createNamespace(call, "airflow");
});
afterAll(async () => {
  await cluster.stop();
  expect(sim.stopped).toBe(true);
});

async function control(method: string, path: string, body?: unknown, token: string | null = cluster.controlToken) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${cluster.url}/__demo${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

describe("control token", () => {
  it("rejects missing or user tokens with 401", async () => {
    expect((await control("GET", "/state", undefined, null)).status).toBe(401);
    expect((await control("GET", "/state", undefined, cluster.tokens.admin)).status).toBe(401);
    expect((await control("GET", "/nope")).status).toBe(404);
  });
});

describe("request log", () => {
  it("records method, path, query, content type, body, identity, fieldManager and status", async () => {
    const since = obj((await control("GET", "/requests?since=0")).json).lastSeq as number;
    await createHelmRelease(call, "airflow", "airflow");
    await call("PATCH", `${HR_PATH}/namespaces/airflow/helmreleases/airflow?fieldManager=fluxtower`, {
      body: { metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": "2024-01-01T00:00:00Z" } } },
      contentType: "application/merge-patch+json",
      headers: { "Impersonate-User": "erin", "Impersonate-Group": "fluxtower:operators" },
    });
    const log = obj((await control("GET", `/requests?since=${since}`)).json);
    const patch = (log.requests as Record<string, unknown>[]).find((r) => r.method === "PATCH");
    expect(patch).toMatchObject({
      path: "/apis/helm.toolkit.fluxcd.io/v2/namespaces/airflow/helmreleases/airflow",
      query: { fieldManager: "fluxtower" },
      contentType: "application/merge-patch+json",
      body: { metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": "2024-01-01T00:00:00Z" } } },
      user: "admin",
      impersonatedUser: "erin",
      fieldManager: "fluxtower",
      status: 200,
    });
    expect((log.requests as { seq: number }[]).every((r) => r.seq > since)).toBe(true);
  });

  it("records denied requests with their status", async () => {
    const since = obj((await control("GET", "/requests?since=0")).json).lastSeq as number;
    await api(cluster, "viewer")("DELETE", `${HR_PATH}/namespaces/airflow/helmreleases/airflow`);
    const log = obj((await control("GET", `/requests?since=${since}`)).json);
    expect(log.requests).toEqual([expect.objectContaining({ method: "DELETE", user: "viewer", status: 403 })]);
  });

  it("keeps only the last N requests (2,000 by default)", async () => {
    const small = await startTestCluster({ requestLogSize: 25 });
    try {
      const c = api(small);
      for (let i = 0; i < 30; i++) await c("GET", `/api/v1/namespaces?i=${i}`);
      const res = await fetch(`${small.url}/__demo/requests?since=0`, {
        headers: { Authorization: `Bearer ${small.controlToken}` },
      });
      const log = obj(await res.json());
      expect(log.requests).toHaveLength(25);
      expect(log.requests.at(-1).query).toEqual({ i: "29" });
      expect(log.lastSeq).toBe(30);
    } finally {
      await small.stop();
    }
  });
});

describe("open watches", () => {
  it("counts open watch connections per user, impersonated user, resource and namespace", async () => {
    const stop = new AbortController();
    const open = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${cluster.url}${path}`, {
        headers: { Authorization: `Bearer ${cluster.tokens.admin}`, ...headers },
        signal: stop.signal,
      });
    const erin = { "Impersonate-User": "erin", "Impersonate-Group": "fluxtower:operators" };
    try {
      await Promise.all([
        open(`${HR_PATH}/helmreleases?watch=1`),
        open(`${HR_PATH}/helmreleases?watch=1`),
        open(`${HR_PATH}/namespaces/airflow/helmreleases?watch=true`, erin),
      ]);
      const state = obj((await control("GET", "/watches")).json);
      expect(state.total).toBe(3);
      expect(state.byUser).toEqual({ admin: 3 });
      expect(state.watches).toEqual([
        { user: "admin", resource: "helmreleases.helm.toolkit.fluxcd.io", count: 2 },
        {
          user: "admin",
          impersonatedUser: "erin",
          resource: "helmreleases.helm.toolkit.fluxcd.io",
          namespace: "airflow",
          count: 1,
        },
      ]);
    } finally {
      stop.abort();
    }
    for (let i = 0; i < 50 && obj((await control("GET", "/watches")).json).total !== 0; i++) await sleep(20);
    expect(obj((await control("GET", "/watches")).json)).toEqual({ total: 0, byUser: {}, watches: [] });
  });
});

describe("faults", () => {
  it("adds latency", async () => {
    await control("POST", "/faults", { latencyMs: 200 });
    const start = Date.now();
    await call("GET", "/api/v1/namespaces");
    expect(Date.now() - start).toBeGreaterThanOrEqual(190);
    await control("DELETE", "/faults");
    const fast = Date.now();
    await call("GET", "/api/v1/namespaces");
    expect(Date.now() - fast).toBeLessThan(150);
  });

  it("injects errors at the given rate and code", async () => {
    await control("POST", "/faults", { errorRate: 1, errorCode: 503 });
    const res = await call("GET", "/api/v1/namespaces");
    expect(res.status).toBe(503);
    expect(obj(res.json).kind).toBe("Status");
    await control("POST", "/faults", { errorCode: 429 });
    const throttled = await call("GET", "/api/v1/namespaces");
    expect(throttled.status).toBe(429);
    expect(obj(throttled.json).reason).toBe("TooManyRequests");
    expect(throttled.headers.get("retry-after")).toBe("1");
    await control("POST", "/faults", { errorRate: 0 });
    expect((await call("GET", "/api/v1/namespaces")).status).toBe(200);
  });

  it("outage: requests fail and watches close, then the API recovers", async () => {
    const watch = readWatch(`${cluster.url}${HR_PATH}/helmreleases?watch=1`, cluster.tokens.admin, () => false, 5000);
    await sleep(100);
    expect(obj((await control("GET", "/state")).json).openWatches).toBe(1);
    const started = Date.now();
    expect((await control("POST", "/faults", { outageSeconds: 1 })).status).toBe(200);
    await watch; // the server ended the stream
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(
      fetch(`${cluster.url}/api/v1/namespaces`, { headers: { Authorization: `Bearer ${cluster.tokens.admin}` } }),
    ).rejects.toThrow();
    await sleep(1100);
    expect((await call("GET", "/api/v1/namespaces")).status).toBe(200);
  });

  it("outage in 503 mode answers ServiceUnavailable with Retry-After", async () => {
    await control("POST", "/faults", { outageSeconds: 5, outageMode: "503" });
    const res = await call("GET", "/api/v1/namespaces");
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    await control("DELETE", "/faults");
    expect((await call("GET", "/api/v1/namespaces")).status).toBe(200);
  });

  it("dropWatchesNow closes open watches without failing requests", async () => {
    const watch = readWatch(`${cluster.url}${HR_PATH}/helmreleases?watch=1`, cluster.tokens.admin, () => false, 5000);
    await sleep(100);
    const started = Date.now();
    await control("POST", "/faults", { dropWatchesNow: true });
    await watch;
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await call("GET", "/api/v1/namespaces")).status).toBe(200);
  });

  it("validates fault bodies with a 400", async () => {
    const res = await control("POST", "/faults", { errorRate: 2 });
    expect(res.status).toBe(400);
    expect(obj(res.json).message).toContain("errorRate");
    expect((await control("POST", "/faults", { bogus: 1 })).status).toBe(400);
  });
});

describe("simulation routes", () => {
  it("forwards git pushes, vault changes, pause/resume and time scale", async () => {
    expect(
      obj((await control("POST", "/git/flux-system/flux-system", { revision: "main@sha1:abc" })).json).revision,
    ).toBe("main@sha1:abc");
    expect((await control("PUT", "/vault/onepassword/airflow-db", { fields: { password: "x" } })).status).toBe(200);
    expect((await control("DELETE", "/vault/onepassword/airflow-db?field=password")).status).toBe(200);
    expect((await control("POST", "/pause", { kind: "HelmRelease", namespace: "airflow" })).status).toBe(200);
    expect((await control("POST", "/resume", {})).status).toBe(200);
    expect((await control("POST", "/time-scale", { scale: 0.1 })).status).toBe(200);
    expect(sim.calls).toEqual([
      { method: "pushGitRevision", args: ["flux-system", "flux-system", "main@sha1:abc"] },
      { method: "vaultSet", args: ["onepassword", "airflow-db", { password: "x" }] },
      { method: "vaultDelete", args: ["onepassword", "airflow-db", "password"] },
      { method: "pause", args: [{ kind: "HelmRelease", namespace: "airflow" }] },
      { method: "resume", args: [{}] },
      { method: "setTimeScale", args: [0.1] },
    ]);
  });

  it("logs vault writes in the request log (user control), so tests can see what reached the backend and when", async () => {
    const since = obj((await control("GET", "/requests?since=0")).json).lastSeq as number;
    await control("PUT", "/vault/onepassword/airflow-fernet-key", { fields: { "fernet-key": "new,old" } });
    await control("DELETE", "/vault/onepassword/airflow-fernet-key?field=fernet-key");
    const log = obj((await control("GET", `/requests?since=${since}`)).json);
    expect(log.requests).toEqual([
      expect.objectContaining({
        method: "PUT",
        path: "/__demo/vault/onepassword/airflow-fernet-key",
        user: "control",
        body: { fields: { "fernet-key": "new,old" } },
        status: 200,
      }),
      expect.objectContaining({ method: "DELETE", query: { field: "fernet-key" }, user: "control", status: 200 }),
    ]);
  });

  it("rejects invalid bodies with 400 and a message", async () => {
    const bad = await control("PUT", "/vault/s/i", { fields: { a: 1 } });
    expect(bad.status).toBe(400);
    expect(obj(bad.json).message).toContain("fields.a");
    expect((await control("POST", "/time-scale", { scale: -1 })).status).toBe(400);
    expect((await control("POST", "/pause", { kind: 3 })).status).toBe(400);
  });

  it("reports state", async () => {
    const state = obj((await control("GET", "/state")).json);
    expect(state.simulation).toEqual({ fake: true });
    expect(state.objects["helmreleases.helm.toolkit.fluxcd.io"]).toBe(1);
    expect(state.resourceVersion).toBe(cluster.store.currentResourceVersion());
  });
});

describe("without a simulation", () => {
  it("answers 503 for simulation routes", async () => {
    const bare = await startTestCluster();
    try {
      const res = await fetch(`${bare.url}/__demo/pause`, {
        method: "POST",
        headers: { Authorization: `Bearer ${bare.controlToken}` },
      });
      expect(res.status).toBe(503);
    } finally {
      await bare.stop();
    }
  });
});
