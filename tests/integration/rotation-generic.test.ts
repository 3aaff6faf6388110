// The `generic` rotation flow on plain Secrets: the scenario's hand-made airflow/airflow-smtp (read by the scheduler)
// is rotated in place — backup Secret, patch as the user with fieldManager fluxtower, restart, rollout health,
// annotation — and rolled back from the backup; a consumer that cannot become healthy with the new value rolls the
// rotation back on its own; role, RBAC, key and input rules refuse with reasons.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DIR, eventually, signIn, type Session } from "./harness";
import { create, kube, lastSeq, requestsSince, type KObject } from "./actions-helpers";
import { command, finished, secretData, secretObject, startRotation, stepNames, waitAirflowHealthy } from "./rotation-helpers";

const NS = "airflow";
const DB_URL = "postgresql://airflow:Tr0ub4dor%263-airflow@airflow-db.prod.internal:5432/airflow?sslmode=require";
let admin: Session;
let operator: Session;

/** A Deployment whose Airflow container reads its DB connection from the hand-made Secret rotation-canary-db. */
function canary(): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "rotation-canary", namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "rotation-canary" } },
      template: {
        metadata: { labels: { app: "rotation-canary" } },
        spec: {
          containers: [
            {
              name: "scheduler",
              image: "apache/airflow:3.0.2",
              args: ["bash", "-c", "exec airflow scheduler"],
              env: [{ name: "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", valueFrom: { secretKeyRef: { name: "rotation-canary-db", key: "connection" } } }],
            },
          ],
        },
      },
    },
  };
}

async function deploymentReady(name: string): Promise<boolean> {
  const d = await kube("GET", `/apis/apps/v1/namespaces/${NS}/deployments/${name}`);
  const st = d.body.status as { availableReplicas?: number; updatedReplicas?: number; observedGeneration?: number } | undefined;
  return st?.availableReplicas === 1 && st.updatedReplicas === 1 && st.observedGeneration === d.body.metadata.generation;
}

beforeAll(async () => {
  admin = await signIn("admin");
  operator = await signIn("operator");
  await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: "rotation-canary-db", namespace: NS }, data: { connection: Buffer.from(DB_URL).toString("base64") } } as KObject, { existingOk: true });
  await create(`/apis/apps/v1/namespaces/${NS}/deployments`, canary(), { existingOk: true });
  await eventually(async () => (await deploymentReady("rotation-canary")) || undefined, 30_000, 500);
});

afterAll(async () => {
  await kube("DELETE", `/apis/apps/v1/namespaces/${NS}/deployments/rotation-canary`);
  await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/rotation-canary-db`);
});

describe("generic rotation of a hand-made Secret", () => {
  it("backs up, patches as the user, restarts the scheduler, waits for health and marks the Secret", async () => {
    const before = await secretData(NS, "airflow-smtp");
    const seq = await lastSeq();
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password", options: { length: 40, charset: "url-safe" } });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    expect(JSON.stringify(started)).not.toContain(before?.password);
    const done = await finished(admin, id);
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "write", "restart", "verify", "finish"]);
    const after = await secretData(NS, "airflow-smtp");
    expect(after?.password).toMatch(/^[A-Za-z0-9._~-]{40}$/);
    expect(after?.username).toBe(before?.username);
    const backup = await secretObject(NS, done.backup?.secret ?? "");
    expect(backup?.metadata.labels).toMatchObject({ "fluxtower.dev/backup-of": "airflow-smtp", "fluxtower.dev/rotation-id": id });
    expect(Buffer.from(backup?.data?.password ?? "", "base64").toString()).toBe(before?.password);
    expect((await secretObject(NS, "airflow-smtp"))?.metadata.annotations?.["fluxtower.dev/rotated-at"]).toBeTruthy();
    const writes = (await requestsSince(seq)).filter((r) => r.method !== "GET" && r.path === `/api/v1/namespaces/${NS}/secrets/airflow-smtp`);
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(w).toMatchObject({ impersonatedUser: "admin", fieldManager: "fluxtower" });
    const restarts = (await requestsSince(seq)).filter((r) => r.method === "PATCH" && r.path.endsWith("/deployments/airflow-scheduler"));
    expect(restarts).toHaveLength(1);
    expect(JSON.stringify(await (await admin.fetch(`/api/v1/rotations/${id}`)).text())).not.toContain(after?.password);

    // Roll back: the previous value comes back from the backup Secret, which is then removed.
    const rb = await command(admin, id, "rollback");
    expect(rb.status).toBe(200);
    const undone = await finished(admin, id);
    expect(undone.state, undone.message).toBe("rolled-back");
    expect(stepNames(undone, "rollback")).toEqual(["restore", "restore-restart", "restore-verify", "cleanup"]);
    expect((await secretData(NS, "airflow-smtp"))?.password).toBe(before?.password);
    expect(await secretObject(NS, done.backup?.secret ?? "")).toBeUndefined();
    await waitAirflowHealthy();
  });

  it("rolls back to the backup when a consumer does not become healthy with the new value", async () => {
    const uploaded = `wrongpw${randomBytes(8).toString("hex")}`;
    const started = await startRotation(admin, { namespace: NS, secret: "rotation-canary-db", kind: "generic", options: { value: DB_URL.replace("Tr0ub4dor%263", uploaded), timeoutMinutes: 3 } });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    const done = await finished(admin, id, 150_000);
    expect(done.state, done.message).toBe("rolled-back");
    const verify = done.steps.find((s) => s.name === "verify");
    expect(verify?.state).toBe("failed");
    expect(verify?.message).toMatch(/pod rotation-canary-.* is unhealthy: .*CrashLoopBackOff/);
    expect(stepNames(done, "rollback")).toEqual(["restore", "restore-restart", "restore-verify", "cleanup"]);
    expect((await secretData(NS, "rotation-canary-db"))?.connection).toBe(DB_URL);
    await eventually(async () => (await deploymentReady("rotation-canary")) || undefined, 60_000, 500);
    // The uploaded value went only into the cluster: not into the journal, the API, the audit log or the server log.
    for (const p of [`/api/v1/rotations/${id}`, "/api/v1/rotations?limit=500", "/api/v1/audit?action=rotation.&limit=1000", "/api/v1/clusters/demo/secrets"]) {
      expect(await (await admin.fetch(p)).text(), p).not.toContain(uploaded);
    }
    expect(readFileSync(path.join(DEMO_DIR, "app.log"), "utf8")).not.toContain(uploaded);
  }, 180_000);

  it("refuses without the admin role, for an unknown key, and a second rotation of the same Secret", async () => {
    const op = await startRotation(operator, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password" });
    expect(op.status).toBe(403);
    expect(op.error?.message).toContain("admin role");
    const key = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "nope" });
    expect(key.status).toBe(400);
    const which = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic" });
    expect(which.status).toBe(400);
    expect(which.error?.message).toContain("say which one");
    const missing = await startRotation(admin, { namespace: NS, secret: "no-such-secret", kind: "generic" });
    expect(missing.status).toBe(404);
    const first = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password" });
    expect(first.status).toBe(202);
    const second = await startRotation(admin, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password" });
    expect(second.status).toBe(409);
    expect((await finished(admin, first.rotation?.id ?? "")).state).toBe("succeeded");
    const audit = (await (await admin.fetch("/api/v1/audit?action=rotation.&limit=500")).json()) as { events: { action: string; outcome: string; actor: string }[] };
    expect(audit.events.some((e) => e.action === "rotation.start" && e.outcome === "denied" && e.actor === "operator")).toBe(true);
    expect(audit.events.some((e) => e.action === "rotation.step" && e.outcome === "success")).toBe(true);
  });
});
