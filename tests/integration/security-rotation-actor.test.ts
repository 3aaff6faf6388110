// Issue 18 fix 3 (confused deputy): a later step of a rotation — confirm, cancel, roll back — runs as the user who
// asked for it, with THEIR permissions checked for everything those steps write; the app never goes on as the
// user who started the rotation. alice signs in with single sign-on: app role admin (fluxtower-admins), and in the
// demo cluster she may edit Secrets in airflow but restart nothing (democluster/auth/policy.yaml,
// oidc-alice-secrets). The demo admin starts the rotations.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appFetch, demoControl, signIn, type Session } from "./harness";
import { create, kube, lastSeq, requestsSince, type KObject } from "./actions-helpers";
import { command, finished, noActiveRotation, secretData, startRotation, waitAirflowHealthy, waitRotation } from "./rotation-helpers";
import { oidcSignIn } from "./security-oidc-client";

const NS = "airflow";
const PLAIN = "actor-plain-token";
let admin: Session;
let alice: Session;

const pause = (kind: string) => demoControl("/__demo/pause", { method: "POST", body: JSON.stringify({ kind, namespace: NS }) });
const resume = (kind: string) => demoControl("/__demo/resume", { method: "POST", body: JSON.stringify({ kind, namespace: NS }) });

interface StepWithActor {
  name: string;
  phase: string;
  actedBy?: string;
}

beforeAll(async () => {
  admin = await signIn("admin");
  const sso = await oidcSignIn("alice");
  if (!sso.cookie) throw new Error(`alice could not sign in: ${sso.callback.status} ${sso.location}`);
  const cookie = sso.cookie;
  alice = { cookie, fetch: (p, init) => appFetch(p, init, cookie) };
  await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${PLAIN}`);
  await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: PLAIN, namespace: NS }, data: { token: Buffer.from(`before-${randomBytes(8).toString("hex")}`).toString("base64") } } as KObject);
  await waitAirflowHealthy();
}, 90_000);

afterAll(async () => {
  await resume("Deployment");
  await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${PLAIN}`);
});

describe("later steps of a rotation run as the user who asked for them", () => {
  it("alice rolls back the admin's rotation of a Secret nobody reads: every write of the rollback is hers", async () => {
    const before = (await secretData(NS, PLAIN))?.token;
    const started = await startRotation(admin, { namespace: NS, secret: PLAIN, kind: "generic", key: "token" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    expect((await finished(admin, id)).state).toBe("succeeded");
    expect((await secretData(NS, PLAIN))?.token).not.toBe(before);

    const seq = await lastSeq();
    const rb = await command(alice, id, "rollback");
    expect(rb.status, JSON.stringify(rb.error)).toBe(200);
    const done = await finished(admin, id);
    expect(done.state, done.message).toBe("rolled-back");
    expect((await secretData(NS, PLAIN))?.token).toBe(before);

    const writes = (await requestsSince(seq)).filter((r) => r.method !== "GET" && r.path.startsWith(`/api/v1/namespaces/${NS}/secrets/${PLAIN}`));
    expect(writes.map((w) => `${w.method} ${w.path.split("/").pop()}`)).toEqual(expect.arrayContaining([`PATCH ${PLAIN}`, `DELETE ${done.backup?.secret ?? "?"}`]));
    for (const w of writes) {
      expect(w, `${w.method} ${w.path}`).toMatchObject({ impersonatedUser: "oidc:alice", impersonatedGroups: expect.arrayContaining(["oidc:fluxtower-admins"]) });
      expect(w.impersonatedGroups).not.toContain("fluxtower:admins");
    }

    const steps = done.steps as StepWithActor[];
    expect(steps.filter((s) => s.phase === "rollback").map((s) => s.actedBy)).toEqual(["alice", "alice"]);
    expect(steps.filter((s) => s.phase === "forward").every((s) => s.actedBy === "admin")).toBe(true);
    const audit = (await (await admin.fetch("/api/v1/audit?action=rotation.&limit=500")).json()) as { events: { action: string; actor: string; detail?: { rotationId?: string; phase?: string } }[] };
    const rollbackSteps = audit.events.filter((e) => e.action === "rotation.step" && e.detail?.rotationId === id && e.detail.phase === "rollback");
    expect(rollbackSteps.length).toBeGreaterThan(0);
    expect(rollbackSteps.every((e) => e.actor === "alice")).toBe(true);
  });

  it("alice may not roll back a rotation whose readers she may not restart: 403 naming the permission, nothing runs", async () => {
    await noActiveRotation(admin, NS, "airflow-smtp");
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    expect((await finished(admin, id)).state).toBe("succeeded");
    const rb = await command(alice, id, "rollback");
    expect(rb.status).toBe(403);
    expect(rb.error?.message).toContain("patch deployments airflow-scheduler");
    const after = await waitRotation(admin, id, () => true);
    expect(after.state).toBe("succeeded");
    expect(after.steps.filter((s) => s.phase === "rollback")).toEqual([]);
    await waitAirflowHealthy();
  }, 150_000);

  it("alice may not cancel it either while it runs; the admin can, and the rollback is the admin's", async () => {
    await noActiveRotation(admin, NS, "airflow-smtp");
    await pause("Deployment");
    try {
      const started = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password" });
      expect(started.status, JSON.stringify(started.error)).toBe(202);
      const id = started.rotation?.id ?? "";
      await waitRotation(admin, id, (r) => r.steps.some((s) => s.name === "verify" && s.state === "running"), 60_000);
      const refused = await command(alice, id, "cancel");
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toContain("patch deployments airflow-scheduler");
      expect((await waitRotation(admin, id, () => true)).actions.cancel).toBe(true);
      expect((await command(admin, id, "cancel")).status).toBe(200);
      await resume("Deployment");
      const done = await finished(admin, id, 120_000);
      expect(done.state, done.message).toBe("cancelled");
      expect((done.steps as StepWithActor[]).filter((s) => s.phase === "rollback").every((s) => s.actedBy === "admin")).toBe(true);
    } finally {
      await resume("Deployment");
    }
    await waitAirflowHealthy();
  }, 180_000);

  it("alice may not confirm the deploy key: the swap, force-sync and restart would be hers", async () => {
    await noActiveRotation(admin, NS, "airflow-git-ssh");
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-git-ssh", kind: "git-ssh-key" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    await waitRotation(admin, id, (r) => r.state === "waiting");
    const refused = await command(alice, id, "confirm");
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/patch externalsecrets airflow-git-ssh/);
    expect(refused.error?.message).toMatch(/create pushsecrets/);
    expect((await waitRotation(admin, id, () => true)).state).toBe("waiting");
    expect((await command(admin, id, "cancel")).status).toBe(200);
    expect((await finished(admin, id)).state).toBe("cancelled");
  }, 150_000);
});
