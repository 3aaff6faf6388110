// Every action end to end against the demo cluster: the exact request the API server received (method, content
// type, merge-patch body, fieldManager, impersonated user and groups), the Event recorded by the app identity,
// the final object state, and the operation's outcome (succeeded, or failed with the controller's message).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signIn, type Session } from "./harness";
import { act, finished, getObject, lastSeq, readyMessage, requestsSince, templateAnnotationOwners, writesTo, type KObject, type LoggedRequest } from "./actions-helpers";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";

const TOKEN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;
const ready = (o: KObject) => o.status?.conditions?.find((c) => c.type === "Ready")?.status;

let f: Fixtures;
let operator: Session;
let admin: Session;

beforeAll(async () => {
  f = await createFixtures();
  [operator, admin] = await Promise.all([signIn("operator"), signIn("admin")]);
  // Let the simulated controllers settle the fixtures first, so each action starts from a known state.
  await eventually(async () => ready(await getObject(f.paths.hr)) === "True" && ready(await getObject(f.paths.ks)) === "True" && ready(await getObject(f.paths.es)) === "True", 60_000, 500);
}, 90_000);

afterAll(async () => {
  if (f) await deleteFixtures(f);
});

/** The one PATCH the object received since `seq`, checked for everything that must be exact. */
async function onePatch(seq: number, path: string, user: "operator" | "admin"): Promise<LoggedRequest> {
  const writes = await eventually(async () => {
    const w = await writesTo(seq, path);
    return w.length ? w : undefined;
  });
  expect(writes).toHaveLength(1);
  const [w] = writes;
  expect(w.method).toBe("PATCH");
  expect(w.contentType).toBe("application/merge-patch+json");
  expect(w.query.fieldManager).toBe("fluxtower");
  expect(w.fieldManager).toBe("fluxtower");
  expect(w.user).toBe("fluxtower");
  expect(w.impersonatedUser).toBe(user);
  expect(w.impersonatedGroups).toEqual([`fluxtower:${user}s`, "system:authenticated"]);
  expect(w.status).toBe(200);
  return w;
}

/**
 * The Event the app identity recorded on the object (reason FluxtowerAction, the user in the message). The demo
 * API server logs bodies only of requests it authorised, so the status is checked first.
 */
async function actionEvent(seq: number, ns: string, name: string, user: string): Promise<void> {
  const posts = await eventually(async () => {
    const all = (await requestsSince(seq)).filter((r) => r.method === "POST" && r.path === `/api/v1/namespaces/${ns}/events`);
    return all.length ? all : undefined;
  });
  for (const e of posts) {
    expect(e.user).toBe("fluxtower");
    expect(e.impersonatedUser).toBeUndefined();
    expect(e.status, "the app identity must be allowed to create Events (demo policy: fluxtower-app create events)").toBe(201);
  }
  const mine = posts.filter((r) => (r.body as { involvedObject?: { name?: string } } | undefined)?.involvedObject?.name === name);
  expect(mine).toHaveLength(1);
  const body = mine[0].body as { reason: string; message: string; source: { component: string }; type: string };
  expect(body.reason).toBe("FluxtowerAction");
  expect(body.source.component).toBe("fluxtower");
  expect(body.message).toContain(user);
}

describe("actions: exact requests and outcomes", () => {
  it("reconcile (Kustomization): requestedAt token, acknowledged when lastHandledReconcileAt equals it", async () => {
    const seq = await lastSeq();
    const r = await act(operator, { action: "reconcile", resource: "kustomizations", namespace: f.ns, name: "app" });
    expect(r.status).toBe(202);
    const op = r.json.operation!;
    expect(op.token).toMatch(TOKEN);
    const w = await onePatch(seq, f.paths.ks, "operator");
    expect(w.body).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": op.token } } });
    await actionEvent(seq, f.ns, "app", "operator");
    const done = await finished(operator, op.id);
    const obj = await getObject(f.paths.ks);
    expect(obj.status?.lastHandledReconcileAt).toBe(op.token);
    if (done.state === "failed") expect(done.message).toBe(readyMessage(obj));
    else expect(done.state).toBe("succeeded");
  });

  it("reconcile with source (HelmRelease): HelmRepository, then HelmChart <ns>-<name>, then the release — in that order", async () => {
    const seq = await lastSeq();
    const r = await act(admin, { action: "reconcile", resource: "helmreleases", namespace: f.ns, name: "podinfo", withSource: true });
    expect(r.status).toBe(202);
    const done = await finished(admin, r.json.operation!.id);
    expect(done.steps.map((s) => `${s.kind}/${s.name}`)).toEqual(["HelmRepository/charts", `HelmChart/${f.ns}-podinfo`, "HelmRelease/podinfo"]);
    const patches = (await requestsSince(seq)).filter((q) => q.method === "PATCH" && [f.paths.charts, f.paths.chart, f.paths.hr].includes(q.path));
    expect(patches.map((p) => p.path)).toEqual([f.paths.charts, f.paths.chart, f.paths.hr]);
    for (const [i, p] of patches.entries()) {
      expect(p.contentType).toBe("application/merge-patch+json");
      expect(p.query.fieldManager).toBe("fluxtower");
      expect(p.impersonatedUser).toBe("admin");
      expect(p.body).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": done.steps[i].token } } });
    }
    expect(done.state).toBe("succeeded");
  });

  it("force (HelmRelease): requestedAt and forceAt carry the same token; lastHandledForceAt equals it", async () => {
    const seq = await lastSeq();
    const r = await act(operator, { action: "force", resource: "helmreleases", namespace: f.ns, name: "podinfo" });
    expect(r.status).toBe(202);
    const token = r.json.operation!.token!;
    const w = await onePatch(seq, f.paths.hr, "operator");
    expect(w.body).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": token, "reconcile.fluxcd.io/forceAt": token } } });
    const done = await finished(operator, r.json.operation!.id);
    const obj = await getObject(f.paths.hr);
    expect(obj.metadata.annotations?.["reconcile.fluxcd.io/forceAt"]).toBe(obj.metadata.annotations?.["reconcile.fluxcd.io/requestedAt"]);
    expect(obj.status?.lastHandledForceAt).toBe(token);
    expect(obj.status?.lastHandledReconcileAt).toBe(token);
    expect(done.state).toBe("succeeded");
  });

  it("reset (HelmRelease): requestedAt and resetAt carry the same token; counters cleared", async () => {
    const seq = await lastSeq();
    const r = await act(admin, { action: "reset", resource: "helmreleases", namespace: f.ns, name: "podinfo" });
    expect(r.status).toBe(202);
    const token = r.json.operation!.token!;
    const w = await onePatch(seq, f.paths.hr, "admin");
    expect(w.body).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": token, "reconcile.fluxcd.io/resetAt": token } } });
    const done = await finished(admin, r.json.operation!.id);
    const obj = await getObject(f.paths.hr);
    expect(obj.metadata.annotations?.["reconcile.fluxcd.io/resetAt"]).toBe(obj.metadata.annotations?.["reconcile.fluxcd.io/requestedAt"]);
    expect(obj.status?.lastHandledResetAt).toBe(token);
    expect(obj.status?.failures ?? 0).toBe(0);
    expect(done.state).toBe("succeeded");
  });

  it("suspend needs a reason, records who/why/when; reconcile is then refused with 409 naming them; resume removes it all", async () => {
    const missing = await act(operator, { action: "suspend", resource: "helmreleases", namespace: f.ns, name: "web" });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.message).toMatch(/reason is required/);

    let seq = await lastSeq();
    const s = await act(operator, { action: "suspend", resource: "helmreleases", namespace: f.ns, name: "web", reason: "DB maintenance" });
    expect(s.status).toBe(202);
    const w = await onePatch(seq, f.paths.hr2, "operator");
    const at = s.json.operation!.token!;
    expect(w.body).toEqual({
      spec: { suspend: true },
      metadata: { annotations: { "fluxcd.controlplane.io/suspendedBy": "operator", "fluxtower.dev/suspended-by-name": "operator", "fluxtower.dev/suspended-reason": "DB maintenance", "fluxtower.dev/suspended-at": at } },
    });
    expect((await finished(operator, s.json.operation!.id)).state).toBe("succeeded");

    seq = await lastSeq();
    const refused = await act(admin, { action: "reconcile", resource: "helmreleases", namespace: f.ns, name: "web" });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.message).toContain("suspended by operator");
    expect(refused.json.error?.message).toContain("DB maintenance");
    expect(await writesTo(seq, f.paths.hr2)).toHaveLength(0);

    seq = await lastSeq();
    const res = await act(admin, { action: "resume", resource: "helmreleases", namespace: f.ns, name: "web" });
    expect(res.status).toBe(202);
    const rw = await onePatch(seq, f.paths.hr2, "admin");
    const token = res.json.operation!.token!;
    expect(rw.body).toEqual({
      spec: { suspend: null },
      metadata: { annotations: { "fluxcd.controlplane.io/suspendedBy": null, "fluxtower.dev/suspended-by-name": null, "fluxtower.dev/suspended-reason": null, "fluxtower.dev/suspended-at": null, "reconcile.fluxcd.io/requestedAt": token } },
    });
    const done = await finished(admin, res.json.operation!.id);
    const obj = await getObject(f.paths.hr2);
    expect(obj.spec && "suspend" in obj.spec).toBe(false);
    expect(Object.keys(obj.metadata.annotations ?? {}).filter((k) => k.includes("suspend"))).toEqual([]);
    expect(done.state).toBe("succeeded");
  });

  it("force-sync (ExternalSecret): `force-sync: <unix seconds>`; done when refreshTime ≥ the request", async () => {
    const seq = await lastSeq();
    const r = await act(operator, { action: "force-sync", resource: "externalsecrets", namespace: f.ns, name: "db" });
    expect(r.status).toBe(202);
    const secs = r.json.operation!.token!;
    expect(secs).toMatch(/^\d{10}$/);
    const w = await onePatch(seq, f.paths.es, "operator");
    expect(w.body).toEqual({ metadata: { annotations: { "force-sync": secs } } });
    const done = await finished(operator, r.json.operation!.id);
    expect(done.state).toBe("succeeded");
    const obj = await getObject(f.paths.es);
    expect(Math.floor(Date.parse(String(obj.status?.refreshTime)) / 1000)).toBeGreaterThanOrEqual(Number(secs));
  });

  it("force-sync refuses refreshPolicy CreatedOnce with an explanation, and writes nothing", async () => {
    const seq = await lastSeq();
    const r = await act(operator, { action: "force-sync", resource: "externalsecrets", namespace: f.ns, name: "once" });
    expect(r.status).toBe(409);
    expect(r.json.error?.message).toMatch(/CreatedOnce/);
    expect(await writesTo(seq, f.paths.once)).toHaveLength(0);
  });

  it.each([
    { name: "web", resource: "deployments", path: "deploy" },
    { name: "db", resource: "statefulsets", path: "sts" },
  ])("restart ($resource): template annotation with manager fluxtower, rollout complete", async ({ name, resource, path }) => {
    const seq = await lastSeq();
    const r = await act(admin, { action: "restart", resource, namespace: f.ns, name });
    expect(r.status).toBe(202);
    const ts = r.json.operation!.token!;
    expect(ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const w = await onePatch(seq, f.paths[path], "admin");
    expect(w.body).toEqual({ spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": ts } } } } });
    const done = await finished(admin, r.json.operation!.id);
    expect(done.state).toBe("succeeded");
    const obj = await getObject(f.paths[path]);
    const owners = templateAnnotationOwners(obj, "kubectl.kubernetes.io/restartedAt");
    expect(owners).toEqual(["fluxtower"]);
    expect(owners.some((m) => m.startsWith("kubectl"))).toBe(false);
  });

  it("restart refuses an OnDelete StatefulSet with an explanation; reconcile refuses an OCI HelmRepository", async () => {
    const seq = await lastSeq();
    const r = await act(operator, { action: "restart", resource: "statefulsets", namespace: f.ns, name: "ondelete" });
    expect(r.status).toBe(409);
    expect(r.json.error?.message).toMatch(/OnDelete.*one at a time/);
    const oci = await act(operator, { action: "reconcile", resource: "helmrepositories", namespace: f.ns, name: "oci" });
    expect(oci.status).toBe(400);
    expect(oci.json.error?.message).toMatch(/static/);
    expect(await writesTo(seq, f.paths.ondelete)).toHaveLength(0);
    expect(await writesTo(seq, f.paths.oci)).toHaveLength(0);
  });
});
