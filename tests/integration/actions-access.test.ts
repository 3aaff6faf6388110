// Who may act and what is refused before anything is written: viewer 403 for every action, bad input 4xx with a
// clear message, the permissions endpoint for buttons, operation visibility by RBAC, and the per-user rate limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { act, create, finished, kube, lastSeq, requestsSince } from "./actions-helpers";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";

let f: Fixtures;
let viewer: Session;
let operator: Session;
const visibleName = `act-viewer-${Date.now().toString(36)}`;
const visiblePath = `/apis/source.toolkit.fluxcd.io/v1/namespaces/airflow/gitrepositories/${visibleName}`;

beforeAll(async () => {
  f = await createFixtures();
  [viewer, operator] = await Promise.all([signIn("viewer"), signIn("operator")]);
  await create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "airflow" } }, { existingOk: true });
  await create("/apis/source.toolkit.fluxcd.io/v1/namespaces/airflow/gitrepositories", {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "GitRepository",
    metadata: { name: visibleName, namespace: "airflow" },
    spec: { url: "https://github.com/acme/viewer-test", interval: "10m", ref: { branch: "main" } },
  });
}, 60_000);

afterAll(async () => {
  await kube("DELETE", visiblePath);
  if (f) await deleteFixtures(f);
});

const writesSince = async (seq: number) => (await requestsSince(seq)).filter((r) => r.method === "PATCH" || (r.method === "POST" && r.path.endsWith("/events")));

describe.sequential("action access", () => {
  it.each([
    { action: "reconcile", resource: "kustomizations", name: "app" },
    { action: "force", resource: "helmreleases", name: "podinfo" },
    { action: "reset", resource: "helmreleases", name: "podinfo" },
    { action: "suspend", resource: "helmreleases", name: "podinfo", reason: "x" },
    { action: "resume", resource: "helmreleases", name: "podinfo" },
    { action: "force-sync", resource: "externalsecrets", name: "db" },
    { action: "restart", resource: "deployments", name: "web" },
  ])("viewer gets 403 for $action and nothing is written", async (body) => {
    const seq = await lastSeq();
    const r = await act(viewer, { ...body, namespace: f.ns });
    expect(r.status).toBe(403);
    expect(r.json.error?.message).toMatch(/operator role/);
    expect(await writesSince(seq)).toEqual([]);
  });

  it.each([
    { body: { action: "delete", resource: "helmreleases", name: "podinfo" }, status: 400, message: /action: must be one of/ },
    { body: { action: "restart", resource: "helmreleases", name: "podinfo" }, status: 400, message: /not available for helmreleases/ },
    { body: { action: "suspend", resource: "helmreleases", name: "podinfo" }, status: 400, message: /reason is required/ },
    { body: { action: "suspend", resource: "helmreleases", name: "podinfo", reason: "   " }, status: 400, message: /reason is required/ },
    { body: { action: "reconcile", resource: "helmreleases", name: "nope" }, status: 404, message: /not found/ },
    { body: { action: "reconcile", resource: "gitrepositories", name: "repo", withSource: true }, status: 400, message: /withSource/ },
    { body: { action: "reconcile", resource: "helmreleases", name: "podinfo", extra: 1 }, status: 400, message: /extra/ },
    { body: { action: "reconcile", resource: "widgets", name: "x" }, status: 400, message: /resource/ },
  ])("bad input $body → $status, nothing written", async ({ body, status, message }) => {
    const seq = await lastSeq();
    const r = await act(operator, { ...body, namespace: f.ns });
    expect(r.status).toBe(status);
    expect(r.json.error?.message).toMatch(message);
    expect(await writesSince(seq)).toEqual([]);
  });

  it("a missing namespace for a namespaced kind is a 400", async () => {
    const r = await act(operator, { action: "reconcile", resource: "kustomizations", name: "app" });
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/namespace is required/);
  });

  it("an unknown cluster is a 404", async () => {
    const r = await act(operator, { action: "reconcile", resource: "kustomizations", namespace: f.ns, name: "app" }, "nowhere");
    expect(r.status).toBe(404);
  });

  it("permissions: viewer sees every action denied by role; operator may act; suspended state disables reconcile", async () => {
    const q = `/api/v1/clusters/demo/permissions?resource=gitrepositories&namespace=airflow&name=${visibleName}`;
    const v = (await (await viewer.fetch(q)).json()) as { actions: Record<string, { allowed: boolean; code?: string }> };
    expect(Object.keys(v.actions).sort()).toEqual(["reconcile", "resume", "suspend"]);
    for (const p of Object.values(v.actions)) expect(p).toMatchObject({ allowed: false, code: "role" });
    const o = (await (await operator.fetch(q)).json()) as { actions: Record<string, { allowed: boolean; code?: string; reason?: string }> };
    expect(o.actions.reconcile).toEqual({ allowed: true });
    expect(o.actions.suspend).toEqual({ allowed: true });
    expect(o.actions.resume).toMatchObject({ allowed: false, code: "state" });
  });

  it("permissions of an object the user cannot read → 404", async () => {
    const r = await viewer.fetch(`/api/v1/clusters/demo/permissions?resource=helmreleases&namespace=${f.ns}&name=podinfo`);
    expect(r.status).toBe(404);
  });

  it("operations are visible only to users who may read the target", async () => {
    const r = await act(operator, { action: "reconcile", resource: "gitrepositories", namespace: f.ns, name: "repo" });
    expect(r.status).toBe(202);
    const id = r.json.operation!.id;
    await finished(operator, id);
    expect((await operator.fetch(`/api/v1/operations/${id}`)).status).toBe(200);
    expect((await viewer.fetch(`/api/v1/operations/${id}`)).status).toBe(404);
    const list = (await (await viewer.fetch("/api/v1/operations?cluster=demo")).json()) as { operations: Array<{ id: string }> };
    expect(list.operations.map((o) => o.id)).not.toContain(id);
    const mine = (await (await operator.fetch(`/api/v1/operations?cluster=demo&resource=gitrepositories&namespace=${f.ns}&name=repo`)).json()) as { operations: Array<{ id: string }> };
    expect(mine.operations.map((o) => o.id)).toContain(id);
  });

  it("a burst of action requests from one user gets 429 with Retry-After (viewer, so other tests are not throttled)", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await viewer.fetch("/api/v1/clusters/demo/actions", { method: "POST", body: JSON.stringify({ action: "reconcile", resource: "kustomizations", namespace: f.ns, name: "app" }) });
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(403);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
