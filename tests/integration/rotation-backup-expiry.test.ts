// Backup Secrets after the grace period: a succeeded rotation keeps the previous value in a labelled backup Secret
// until `backupGraceHours` have passed; then the app's worker deletes it (as the user who rotated), audits it, and
// "roll back" is no longer offered. Hours cannot pass in a test, so the test moves the rotation's expiry into the
// past in the app's database (the only thing it changes behind the API) and watches the worker act on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signIn, type Session } from "./harness";
import { kube, lastSeq, requestsSince } from "./actions-helpers";
import { appDatabaseExec } from "./app-database";
import { command, finished, getRotation, startRotation } from "./rotation-helpers";

const NS = "monitoring";
const EXPIRING = "backup-expiry-canary";
const KEPT = "backup-kept-canary";
let admin: Session;

const b64 = (s: string) => Buffer.from(s).toString("base64");

async function plainSecret(name: string): Promise<void> {
  await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${name}`);
  const res = await kube("POST", `/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name }, type: "Opaque", data: { token: b64(`initial-${name}`) } });
  expect(res.status).toBe(201);
}

async function rotate(name: string) {
  // The app's cache must have seen the new Secret before it can plan a rotation of it.
  const started = await eventually(async () => {
    const r = await startRotation(admin, { namespace: NS, secret: name, kind: "generic", options: { backupGraceHours: 1 } });
    return r.status === 404 ? undefined : r;
  }, 20_000, 300);
  expect(started.status, JSON.stringify(started.error)).toBe(202);
  const done = await finished(admin, started.rotation?.id ?? "", 60_000);
  expect(done.state, done.message).toBe("succeeded");
  expect(done.backup?.secret).toBeTruthy();
  expect(done.actions.rollback).toBe(true);
  return done;
}

beforeAll(async () => {
  admin = await signIn("admin");
  await plainSecret(EXPIRING);
  await plainSecret(KEPT);
});

afterAll(async () => {
  for (const name of [EXPIRING, KEPT]) await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${name}`);
});

describe("backup Secrets after the grace period", () => {
  it("are deleted by the worker as the rotating user, audited, and roll back is refused from then on", async () => {
    const expiring = await rotate(EXPIRING);
    const kept = await rotate(KEPT);
    const backup = expiring.backup?.secret ?? "";
    const keptBackup = kept.backup?.secret ?? "";
    expect((await kube("GET", `/api/v1/namespaces/${NS}/secrets/${backup}`)).status).toBe(200);

    const seq = await lastSeq();
    // An hour passes for the first rotation only: its expiry becomes its creation time.
    expect(await appDatabaseExec(`UPDATE "Rotation" SET "backupExpiresAt" = "createdAt" WHERE "id" = ?`, [expiring.id])).toBe(1);

    const after = await eventually(async () => {
      const r = await getRotation(admin, expiring.id);
      return r.backup?.deletedAt ? r : undefined;
    }, 45_000, 1_000);
    expect(after.actions.rollback).toBe(false);
    expect((await kube("GET", `/api/v1/namespaces/${NS}/secrets/${backup}`)).status).toBe(404);

    // Deleted through the API server as the user who rotated (impersonated), not as the app's own identity.
    const deletes = (await requestsSince(seq)).filter((r) => r.method === "DELETE" && r.path === `/api/v1/namespaces/${NS}/secrets/${backup}`);
    expect(deletes).toHaveLength(1);
    expect(deletes[0].impersonatedUser).toBe("admin");

    // The other rotation's backup is still inside its grace period: untouched, and it can still be rolled back.
    expect((await kube("GET", `/api/v1/namespaces/${NS}/secrets/${keptBackup}`)).status).toBe(200);
    expect((await getRotation(admin, kept.id)).actions.rollback).toBe(true);

    const refused = await command(admin, expiring.id, "rollback");
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain("grace period");

    const audit = (await (await admin.fetch("/api/v1/audit?action=rotation.backup-deleted&limit=50")).json()) as { events: { action: string; outcome: string; actor: string; message: string }[] };
    const row = audit.events.find((e) => e.message.includes(backup));
    expect(row).toMatchObject({ action: "rotation.backup-deleted", outcome: "success", actor: "admin" });
  }, 180_000);
});
