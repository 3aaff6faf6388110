// The `airflow-fernet` flow on the ESO-managed airflow/airflow-fernet-key: `new,old` → restart → the
// `airflow rotate-fernet-key` Job (built from the scheduler's pod template) → `new` → restart → verify. The demo's
// request log proves the order: no PushSecret with a value lacking the old key is created (so none can reach the
// vault) before the Job succeeded, and the Secret itself is never written. The simulated database ends up encrypted with the new key and Airflow healthy.
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { kube, lastSeq, requestsSince, type KObject } from "./actions-helpers";
import { databaseState, finished, fingerprint, secretData, startRotation, stepNames, waitAirflowHealthy } from "./rotation-helpers";
import { expectCleanPushWrite, pushWrites, secretWrites, vaultFingerprints } from "./rotation-push-helpers";

const NS = "airflow";
let admin: Session;

beforeAll(async () => {
  admin = await signIn("admin");
  await waitAirflowHealthy();
});

describe("airflow-fernet", () => {
  it("never drops the old key before the re-encryption Job succeeded, and re-encrypts the data", async () => {
    const old = (await secretData(NS, "airflow-fernet-key"))?.["fernet-key"] ?? "";
    expect(fingerprint(old.split(",")[0])).toBe((await databaseState()).fernetKeySha256);
    const seq = await lastSeq();
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-fernet-key", kind: "airflow-fernet" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const done = await finished(admin, started.rotation?.id ?? "", 150_000);
    expect(done.state, done.message).toBe("succeeded");
    expect(done.pointOfNoReturn).toBe(true);
    expect(stepNames(done)).toEqual(["backup", "stage", "write-new-old", "sync-new-old", "restart", "verify", "reencrypt", "write-new", "sync-new", "restart-2", "verify-2", "finish"]);

    const now = (await secretData(NS, "airflow-fernet-key"))?.["fernet-key"] ?? "";
    expect(now).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(now).not.toBe(old);
    expect((await databaseState()).fernetKeySha256).toBe(fingerprint(now));

    const log = await requestsSince(seq);
    // The Job: the scheduler's image and env (key list from the Secret, by reference), never a literal key.
    const jobPost = log.find((r) => r.method === "POST" && r.path === `/apis/batch/v1/namespaces/${NS}/jobs`);
    expect(jobPost).toMatchObject({ impersonatedUser: "admin", fieldManager: "fluxtower" });
    const jobText = JSON.stringify(jobPost?.body);
    expect(jobText).toContain("rotate-fernet-key");
    expect(jobText).toContain('"secretKeyRef":{"name":"airflow-fernet-key","key":"fernet-key"}');
    expect(jobText).not.toContain(old);
    expect(jobText).not.toContain(now);
    const jobName = (jobPost?.body as KObject).metadata.name;
    const job = await kube<KObject>("GET", `/apis/batch/v1/namespaces/${NS}/jobs/${jobName}`);
    const completedAt = Date.parse(String((job.body.status as { completionTime?: string }).completionTime));
    expect(Number.isFinite(completedAt)).toBe(true);

    // Every value pushed to the vault (one PushSecret per write, as the user, removed afterwards): with the old key
    // until the Job had completed; `new` alone only afterwards — its source Secret and PushSecret created later.
    const pushes = pushWrites(log);
    expect(pushes.map((p) => p.value)).toEqual([`${now},${old}`, now]);
    for (const p of pushes) {
      expect(p.remoteRef).toEqual({ remoteKey: "airflow-fernet-key", property: "fernet-key" });
      await expectCleanPushWrite(p, "admin");
      if (!p.value.split(",").includes(old)) {
        for (const r of [p.source, p.create]) expect(Date.parse(String((r as { time?: string }).time)), "a value without the old key before the Job completed").toBeGreaterThanOrEqual(completedAt);
      }
    }
    expect(pushes[0].sourceDeletedAt ?? Infinity).toBeLessThan(pushes[1].source.seq);
    expect((await vaultFingerprints("airflow-fernet-key"))?.["fernet-key"]).toBe(fingerprint(now));
    // ESO-managed: the Secret object itself is never written.
    expect(secretWrites(log, NS, "airflow-fernet-key")).toEqual([]);
    await waitAirflowHealthy();

    // Past the point of no return: no roll back.
    const rb = await admin.fetch(`/api/v1/rotations/${done.id}/rollback`, { method: "POST" });
    expect(rb.status).toBe(409);
  }, 180_000);
});
