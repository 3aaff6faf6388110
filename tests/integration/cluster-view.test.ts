// The live cluster view over HTTP against the demo cluster (scenario "airflow"): lists, RBAC filtering,
// detail with graph and root cause, 404 for hidden and missing alike, SSE liveness, stale marking.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { appFetch, demoControl, demoKubeconfig, eventually, signIn } from "./harness";

interface Summary {
  resource: string;
  namespace: string | null;
  name: string;
  health: { status: string };
  suspended: boolean;
}

const kubectl = (...args: string[]) => execFileSync("kubectl", ["--kubeconfig", demoKubeconfig, ...args], { encoding: "utf8" });

async function list(session: Awaited<ReturnType<typeof signIn>>, query = ""): Promise<Summary[]> {
  const res = await session.fetch(`/api/v1/clusters/demo/resources${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Summary[] }).items;
}

describe("cluster view", () => {
  it("lists the demo cluster as connected", async () => {
    const s = await signIn("viewer");
    const body = (await (await s.fetch("/api/v1/clusters")).json()) as { clusters: { id: string; status: string }[] };
    expect(body.clusters).toContainEqual(expect.objectContaining({ id: "demo", status: "connected" }));
  });

  it("lists the airflow HelmRelease with a health verdict", async () => {
    const s = await signIn("admin");
    const items = await eventually(async () => {
      const l = await list(s, "?resource=helmreleases");
      return l.some((i) => i.name === "airflow") ? l : undefined;
    });
    const hr = items.find((i) => i.namespace === "airflow" && i.name === "airflow")!;
    expect(["Healthy", "Progressing"]).toContain(hr.health.status);
  });

  it("viewer sees only the namespaces the demo RBAC grants it; admin sees more", async () => {
    const viewer = await list(await signIn("viewer"));
    const admin = await list(await signIn("admin"));
    expect(viewer.length).toBeGreaterThan(0);
    for (const item of viewer) expect(["airflow", "flux-system"]).toContain(item.namespace);
    expect(viewer.some((i) => i.resource === "secrets")).toBe(false);
    expect(admin.some((i) => i.namespace !== null && !["airflow", "flux-system"].includes(i.namespace))).toBe(true);
    expect(admin.length).toBeGreaterThan(viewer.length);
  });

  it("an object the viewer may not see and a missing object both answer the same 404", async () => {
    const admin = await list(await signIn("admin"));
    const hidden = admin.find((i) => i.namespace && !["airflow", "flux-system"].includes(i.namespace) && i.resource !== "secrets")!;
    expect(hidden).toBeDefined();
    const viewer = await signIn("viewer");
    const a = await viewer.fetch(`/api/v1/clusters/demo/resources/${hidden.resource}/${hidden.namespace}/${hidden.name}`);
    const b = await viewer.fetch(`/api/v1/clusters/demo/resources/${hidden.resource}/${hidden.namespace}/does-not-exist`);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(await a.json()).toEqual(await b.json());
  });

  it.each([
    { path: "/api/v1/clusters/demo/resources?resource=widgets", status: 400 },
    { path: "/api/v1/clusters/demo/resources?health=Sad", status: 400 },
    { path: "/api/v1/clusters/nope/resources", status: 404 },
    { path: "/api/v1/clusters/demo/resources/widgets/airflow/x", status: 400 },
    { path: "/api/v1/clusters/demo/resources/helmreleases/airflow/Bad_Name", status: 400 },
    { path: "/api/v1/clusters/demo/resources/helmreleases/_/airflow", status: 400 },
  ])("bad input $path → $status", async ({ path, status }) => {
    const s = await signIn("admin");
    const res = await s.fetch(path);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });

  it("the HelmRelease detail carries conditions, a graph around it and events", async () => {
    const s = await signIn("admin");
    const res = await s.fetch("/api/v1/clusters/demo/resources/helmreleases/airflow/airflow");
    expect(res.status).toBe(200);
    const d = (await res.json()) as { conditions: { type: string }[]; graph: { nodes: { id: string; focus: boolean }[]; edges: unknown[] }; helmRelease: { chart: string } };
    expect(d.conditions.map((c) => c.type)).toContain("Ready");
    expect(d.graph.nodes.find((n) => n.focus)?.id).toBe("helmreleases/airflow/airflow");
    expect(d.graph.nodes.length).toBeGreaterThan(3);
    expect(d.graph.edges.length).toBeGreaterThan(2);
    expect(d.helmRelease.chart).toBe("airflow");
  });

  it("a kubectl change reaches an open SSE stream", async () => {
    const s = await signIn("admin");
    const controller = new AbortController();
    const res = await s.fetch("/api/v1/stream?cluster=demo", { signal: controller.signal });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const marker = `m${Date.now()}`;
    let text = "";
    setTimeout(() => kubectl("-n", "airflow", "label", "--overwrite", "helmrelease", "airflow", `fluxtower-test=${marker}`), 300);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(text.includes("event: change") && text.includes('"name":"airflow"'))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toContain("event: hello");
    expect(text).toMatch(/event: change\ndata: .*"resource":"helmreleases".*"name":"airflow"/);
  });

  it("an API server outage marks the cluster stale and keeps the last state; it recovers", async () => {
    const s = await signIn("admin");
    const before = await list(s, "?resource=helmreleases");
    expect((await demoControl("/__demo/faults", { method: "POST", body: JSON.stringify({ outageSeconds: 4 }) })).status).toBeLessThan(300);
    const stale = await eventually(async () => {
      const b = (await (await s.fetch("/api/v1/clusters")).json()) as { clusters: { id: string; status: string; staleSince: string | null }[] };
      const c = b.clusters.find((x) => x.id === "demo")!;
      return c.status === "stale" ? c : undefined;
    }, 10_000);
    expect(stale.staleSince).toBeTruthy();
    expect((await list(s, "?resource=helmreleases")).length).toBe(before.length);
    await eventually(async () => {
      const b = (await (await s.fetch("/api/v1/clusters")).json()) as { clusters: { id: string; status: string }[] };
      return b.clusters.find((x) => x.id === "demo")?.status === "connected";
    }, 30_000);
  });

  it("unauthenticated stream and logs answer 401", async () => {
    expect((await appFetch("/api/v1/stream?cluster=demo")).status).toBe(401);
    expect((await appFetch("/api/v1/clusters/demo/logs/airflow/x")).status).toBe(401);
  });
});
