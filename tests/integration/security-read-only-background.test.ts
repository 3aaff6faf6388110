// Issue 18 fix 5 (SECURITY.md S15): read-only mode stops the background writers too, not only the API. A second
// app instance starts with FLUXTOWER_READ_ONLY=true on its own database, which already holds what a writable
// instance left behind: an unfinished rotation nobody drives, a finished one whose backup Secret is past its grace
// period, an operation whose next step (the HelmRelease after its source) was not sent yet, and an approved
// sign-off found stale whose SignoffStale Event was not posted yet. The instance must write none of it to the
// cluster, and say "paused: read-only mode" where each is shown.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { DEMO_DIR, eventually, type Session } from "./harness";
import { create, kube, lastSeq, requestsSince, type KObject } from "./actions-helpers";
import { freePort, signInAt, startInstance, type AppInstance } from "./app-instance";
import { secretObject } from "./rotation-helpers";

const NS = "airflow";
const run = randomBytes(4).toString("hex");
const TARGET = `ro-paused-${run}`;
const BACKUP = `ro-paused-${run}-backup-expired`;
const unfinished = `ro${run}unfinished`;
const expired = `ro${run}expired`;
const operation = `ro${run}operation`;
const signer = `ro-signer-${run}`;
const unfinishedBackup = `${TARGET}-backup-${unfinished.slice(-8)}`;
const PAUSED = "paused: read-only mode";
const HR_PATH = "/apis/helm.toolkit.fluxcd.io/v2/namespaces/airflow/helmreleases/airflow";

let instance: AppInstance | undefined;
let admin: Session;
let seq = 0;
let startedAt = 0;

const b64 = (s: string) => Buffer.from(s).toString("base64");
const admins = { createdBy: "admin", createdBySubject: "demo:admin", kubeUser: "admin", groups: JSON.stringify(["fluxtower:admins"]) };
const plan = JSON.stringify({ manager: { type: "manual" }, write: { type: "direct" }, consumers: [], warnings: [] });
const options = JSON.stringify({ backupGraceHours: 72, timeoutMinutes: 10 });

/** What a writable instance left in the database (written with the app's own Prisma client and schema). */
async function seed(url: string): Promise<void> {
  const db = await openDb(url);
  try {
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.rotation.create({
      data: {
        id: unfinished, cluster: "demo", namespace: NS, secret: TARGET, kind: "generic", key: "token", options, plan, state: "running", step: "backup", stepIndex: 0,
        backupSecret: unfinishedBackup, stagedSecret: `${TARGET}-rotation-${unfinished.slice(-8)}`, requestId: `req-${unfinished}`, message: "starting", ...admins,
        steps: { create: ["backup", "stage", "write", "finish"].map((name, index) => ({ index, name, phase: "forward" })) },
      },
    });
    await db.rotation.create({
      data: {
        id: expired, cluster: "demo", namespace: NS, secret: TARGET, kind: "generic", key: "token", options, plan, state: "succeeded", step: "finish", stepIndex: 4,
        backupSecret: BACKUP, stagedSecret: `${TARGET}-rotation-expired`, backupExpiresAt: hourAgo, finishedAt: hourAgo, requestId: `req-${expired}`, message: "rotated", ...admins,
        steps: { create: ["backup", "stage", "write", "finish"].map((name, index) => ({ index, name, phase: "forward", state: "succeeded" })) },
      },
    });
    const sent = hourAgo.toISOString();
    await db.operation.create({
      data: {
        id: operation, cluster: "demo", action: "reconcile", resource: "helmreleases", namespace: NS, name: "airflow", withSource: true, state: "reconciling", message: "source reconciled",
        user: "admin", groups: JSON.stringify(["fluxtower:admins"]), requestId: `req-${operation}`, timeoutAt: new Date(Date.now() + 3_600_000),
        steps: JSON.stringify([
          { resource: "helmcharts", kind: "HelmChart", namespace: "flux-system", name: "airflow-airflow", role: "source", progress: "reconcile", state: "succeeded", message: "reconciled", actor: "admin", timeoutMs: 300_000, token: sent, sentAt: sent, acknowledgedAt: sent, finishedAt: sent },
          { resource: "helmreleases", kind: "HelmRelease", namespace: NS, name: "airflow", role: "target", progress: "reconcile", state: "requested", message: "waiting for the source", actor: "admin", timeoutMs: 300_000 },
        ]),
      },
    });
    await db.checklistReview.create({
      data: {
        cluster: "demo", namespace: NS, release: "airflow", requestedBy: "operator", requestedBySubject: "demo:operator", requestedAt: hourAgo, state: "approved",
        decidedBy: signer, decidedBySubject: `demo:${signer}`, decidedAt: hourAgo, decisionComment: "", evidenceHash: "0".repeat(64), expiresAt: new Date(Date.now() + 30 * 86_400_000),
        evidence: JSON.stringify({
          schema: "fluxtower.checklist.evidence/v1", subject: { cluster: "demo", namespace: NS, release: "airflow" }, evaluatedAt: sent, gate: "pass", score: 100, items: [],
          facts: { helmRevision: 0, chartVersion: "0.0.0", valuesDigest: "sha256:0" }, flux: { helmRelease: {}, sources: [] }, eso: [], objects: [],
          signer: { name: signer, subject: `demo:${signer}`, groups: [] }, signedAt: sent, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), hash: "0".repeat(64),
        }),
        staleAt: hourAgo, staleReasons: JSON.stringify(["Helm revision 0 → 1"]),
      },
    });
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: TARGET, namespace: NS }, data: { token: b64(`token-${run}`) } } as KObject);
  await create(`/api/v1/namespaces/${NS}/secrets`, {
    apiVersion: "v1", kind: "Secret",
    metadata: { name: BACKUP, namespace: NS, labels: { "fluxtower.dev/backup-of": TARGET, "fluxtower.dev/rotation-id": expired } },
    data: { token: b64(`previous-${run}`) },
  } as KObject);
  const url = `file:${path.join(DEMO_DIR, `read-only-background-${run}.db`)}`;
  await seed(url);
  seq = await lastSeq();
  startedAt = Date.now();
  instance = await startInstance(await freePort(), { DATABASE_URL: url, FLUXTOWER_READ_ONLY: "true" });
  admin = await signInAt(instance.url, "admin");
}, 120_000);

afterAll(async () => {
  instance?.kill();
  for (const name of [TARGET, BACKUP, unfinishedBackup]) await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${name}`);
});

/** Long enough for every background loop to have had its turn (rotation sweep 5 s, backup sweep 15 s). */
async function backgroundTurnsPassed(): Promise<void> {
  const wait = startedAt + 25_000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

describe("read-only mode pauses the background writers", () => {
  it("does not resume an unfinished rotation, and the rotation says it is paused", async () => {
    await backgroundTurnsPassed();
    const res = await admin.fetch(`/api/v1/rotations/${unfinished}`);
    expect(res.status).toBe(200);
    const r = ((await res.json()) as { rotation: { state: string; paused: string | null; steps: { state: string }[] } }).rotation;
    expect(r.paused).toContain(PAUSED);
    expect(r.state).toBe("running");
    expect(r.steps.map((s) => s.state)).toEqual(["pending", "pending", "pending", "pending"]);
    expect(await secretObject(NS, unfinishedBackup)).toBeUndefined();
  }, 60_000);

  it("does not delete a backup Secret past its grace period, and says so", async () => {
    await backgroundTurnsPassed();
    expect(await secretObject(NS, BACKUP)).toBeDefined();
    const r = ((await (await admin.fetch(`/api/v1/rotations/${expired}`)).json()) as { rotation: { paused: string | null; backup: { deletedAt: string | null } } }).rotation;
    expect(r.backup.deletedAt).toBeNull();
    expect(r.paused).toContain(`backup deletion ${PAUSED}`);
  }, 60_000);

  it("does not send an operation's next step, and the operation says it is paused", async () => {
    const op = await eventually(async () => {
      const res = await admin.fetch(`/api/v1/operations/${operation}`);
      const body = (await res.json()) as { operation?: { message: string; state: string } };
      return body.operation?.message.includes(PAUSED) ? body.operation : undefined;
    }, 30_000);
    expect(op.state).toBe("reconciling");
    await backgroundTurnsPassed();
    const patches = (await requestsSince(seq)).filter((r) => r.method !== "GET" && r.path === HR_PATH);
    expect(patches).toEqual([]);
  }, 60_000);

  it("does not post the SignoffStale Event, and the checklist says it is paused", async () => {
    const view = await eventually(async () => {
      const res = await admin.fetch("/api/v1/clusters/demo/checklists/airflow/airflow");
      const body = (await res.json()) as { signoff?: { state: string; notice?: string } };
      return body.signoff?.notice ? body : undefined;
    }, 45_000);
    expect(view.signoff?.state).toBe("stale");
    expect(view.signoff?.notice).toContain(PAUSED);
    await backgroundTurnsPassed();
    const events = await kube<{ items: { reason?: string; message?: string }[] }>("GET", `/api/v1/namespaces/${NS}/events`);
    expect(events.body.items.filter((e) => e.reason === "SignoffStale" && e.message?.includes(signer))).toEqual([]);
    const writes = (await requestsSince(seq)).filter((r) => r.method !== "GET" && (r.path.includes(TARGET) || r.path === HR_PATH || (r.path.endsWith("/events") && JSON.stringify(r.body ?? "").includes(signer))));
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([]);
  }, 90_000);
});
