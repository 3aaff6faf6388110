// SECURITY.md S14: every mutation and every sign-off or waiver decision is one append-only audit row — who, verb,
// object, outcome, request id — and for actions the object's resourceVersion before and after the write
// (detail.resourceVersionBefore/After of lib/actions/request.ts), plus exactly one Kubernetes Event.
//
// Actions run on fixture objects in a namespace whose simulated controllers are paused (POST /__demo/pause), so our
// PATCH is the only write to each object: "before" must be what the API server had just before, "after" what it
// has just after, and the Event names the "after" version. Reviews and waivers are decided on the scenario's
// airflow/airflow checklist; each decision (and each refused one) is found by the response's x-request-id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoControl, eventually, signIn, waitingOutLimit, type Session } from "./harness";
import { getObject, lastSeq, requestsSince } from "./actions-helpers";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";
import { BASE, checklist, inSeconds } from "./checklist-helpers";

interface AuditRow {
  requestId: string;
  actor: string;
  action: string;
  outcome: string;
  namespace: string | null;
  name: string | null;
  detail: Record<string, unknown>;
}

let f: Fixtures;
let viewer: Session;
let operator: Session;
let admin: Session;

/** Every audit row written for one request id (admins read the whole log). */
async function rowsFor(requestId: string | null, action: string): Promise<AuditRow[]> {
  expect(requestId, "every response carries x-request-id").toBeTruthy();
  const res = await admin.fetch(`/api/v1/audit?action=${encodeURIComponent(action)}&limit=1000`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: AuditRow[] }).events.filter((e) => e.requestId === requestId);
}

async function post(s: Session, p: string, body: unknown): Promise<{ status: number; requestId: string | null; json: Record<string, unknown> }> {
  const res = await waitingOutLimit(() => s.fetch(p, { method: "POST", body: JSON.stringify(body) }));
  return { status: res.status, requestId: res.headers.get("x-request-id"), json: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  f = await createFixtures();
  [viewer, operator, admin] = await Promise.all([signIn("viewer"), signIn("operator"), signIn("admin")]);
  const paused = await demoControl("/__demo/pause", { method: "POST", body: JSON.stringify({ namespace: f.ns }) });
  expect(paused.status).toBe(200);
}, 60_000);

afterAll(async () => {
  if (!f) return;
  await demoControl("/__demo/resume", { method: "POST", body: JSON.stringify({ namespace: f.ns }) });
  await deleteFixtures(f);
});

describe("S14: one audit row per action, with the object's resourceVersion before and after", () => {
  const cases = [
    { action: "reconcile", resource: "gitrepositories", name: "repo", path: "repo", kind: "GitRepository" },
    // withSource: the first object written is the source (GitRepository repo); the row says which object it was.
    { action: "reconcile", resource: "kustomizations", name: "app", withSource: true, path: "repo", kind: "GitRepository" },
    { action: "force", resource: "helmreleases", name: "podinfo", path: "hr", kind: "HelmRelease" },
    { action: "reset", resource: "helmreleases", name: "web", path: "hr2", kind: "HelmRelease" },
    { action: "suspend", resource: "helmrepositories", name: "charts", reason: "audit check", path: "charts", kind: "HelmRepository" },
    { action: "resume", resource: "helmrepositories", name: "charts", path: "charts", kind: "HelmRepository" },
    { action: "force-sync", resource: "externalsecrets", name: "db", path: "es", kind: "ExternalSecret" },
    { action: "restart", resource: "deployments", name: "web", path: "deploy", kind: "Deployment" },
  ] as const;

  it.each(cases)("$action $resource/$name", async (c) => {
    const objectPath = f.paths[c.path];
    const writtenName = objectPath.split("/").at(-1)!;
    const before = (await getObject(objectPath)).metadata.resourceVersion as string;
    const seq = await lastSeq();
    const body: Record<string, unknown> = { action: c.action, resource: c.resource, namespace: f.ns, name: c.name };
    if ("reason" in c) body.reason = c.reason;
    if ("withSource" in c) body.withSource = true;
    const r = await post(operator, "/api/v1/clusters/demo/actions", body);
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    const after = (await getObject(objectPath)).metadata.resourceVersion as string;
    expect(after).not.toBe(before);

    const rows = await rowsFor(r.requestId, `action.${c.action}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "operator", action: `action.${c.action}`, outcome: "success", namespace: f.ns, name: c.name });
    expect(rows[0].detail).toMatchObject({
      resourceVersionOf: `${c.kind} ${f.ns}/${writtenName}`,
      resourceVersionBefore: before,
      resourceVersionAfter: after,
    });

    // Exactly one Event for the action, on the object written, naming the version after the write.
    const events = await eventually(async () => {
      const posted = (await requestsSince(seq)).filter((q) => q.method === "POST" && q.path === `/api/v1/namespaces/${f.ns}/events`);
      return posted.length ? posted : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0].body).toMatchObject({ reason: "FluxtowerAction", involvedObject: { name: writtenName, resourceVersion: after } });
  });

  it("a refused action is one row too (denied), with nothing written and so no resourceVersion", async () => {
    const before = (await getObject(f.paths.sts)).metadata.resourceVersion;
    const r = await post(viewer, "/api/v1/clusters/demo/actions", { action: "restart", resource: "statefulsets", namespace: f.ns, name: "db" });
    expect(r.status).toBe(403);
    const rows = await rowsFor(r.requestId, "action.restart");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "viewer", outcome: "denied" });
    expect(rows[0].detail.resourceVersionAfter).toBeUndefined();
    expect((await getObject(f.paths.sts)).metadata.resourceVersion).toBe(before);
  });
});

describe("S14: one audit row per review and waiver decision", () => {
  const decide = async (s: Session, p: string, body: unknown, action: string, outcome: string, status: number) => {
    const r = await post(s, `${BASE}${p}`, body);
    expect(r.status, JSON.stringify(r.json)).toBe(status);
    const rows = await rowsFor(r.requestId, action);
    expect(rows, `${action} ${outcome}`).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action, outcome, namespace: "airflow", name: "airflow" });
    return r.json;
  };

  /** Withdraws a review left open by another test, so ours can be requested. */
  beforeAll(async () => {
    const open = (await checklist(admin)).signoff.review;
    if (open?.state === "requested") await post(open.requestedBy === "admin" ? admin : operator, `${BASE}/reviews/${open.id}/withdraw`, {});
  });

  it("review: request, self-approval (denied), reject, request, approve, request, withdraw", async () => {
    const first = (await decide(operator, "/reviews", { comment: "S14 audit" }, "checklist.review.request", "success", 201)) as { review: { id: string } };
    await decide(operator, `/reviews/${first.review.id}/approve`, { comment: "mine" }, "checklist.review.approve", "denied", 403);
    await decide(admin, `/reviews/${first.review.id}/reject`, { comment: "not yet" }, "checklist.review.reject", "success", 200);
    const second = (await decide(operator, "/reviews", {}, "checklist.review.request", "success", 201)) as { review: { id: string } };
    const approved = await decide(admin, `/reviews/${second.review.id}/approve`, { comment: "accepted with known gaps" }, "checklist.review.approve", "success", 200);
    expect((approved as { review: { state: string } }).review.state).toBe("approved");
    const third = (await decide(admin, "/reviews", {}, "checklist.review.request", "success", 201)) as { review: { id: string } };
    await decide(admin, `/reviews/${third.review.id}/withdraw`, {}, "checklist.review.withdraw", "success", 200);
  });

  it("waiver: request, self-approval (denied), approval", async () => {
    // A failing item no other test waives or attests (their tests need theirs failing); the waiver expires in
    // seconds, after which it counts as a failure again everywhere.
    const view = await checklist(admin);
    const used = ["pre.chart-pinned", "ha.api-server-pdb", "ha.api-server-replicas", "pgbouncer.enabled", "ha.scheduler-replicas", "ha.scheduler-pdb", "monitoring.dashboards-alerts"];
    const item = view.items.find((i) => i.status === "fail" && !used.includes(i.id)) ?? view.items.find((i) => i.status === "fail");
    if (!item) throw new Error("no failing checklist item to waive");
    const req = (await decide(operator, "/waivers", { checkId: item.id, reason: "S14 audit check", expiresAt: inSeconds(15) }, "checklist.waiver.request", "success", 201)) as { waiver: { id: string } };
    await decide(operator, `/waivers/${req.waiver.id}/approve`, {}, "checklist.waiver.approve", "denied", 403);
    await decide(admin, `/waivers/${req.waiver.id}/approve`, {}, "checklist.waiver.approve", "success", 200);
  });
});
