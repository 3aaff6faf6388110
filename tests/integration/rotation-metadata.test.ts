// The `airflow-metadata-password` flow on the ESO-managed airflow/airflow-metadata (connection URL templated from the
// vault item airflow-postgresql): ALTER ROLE in the database first, through a Job that logs in with the CURRENT
// credentials and gets the new password from the staged Secret by reference — then the vault's `password` field
// (ESO pushes ONLY the password, not the URL, through a PushSecret), force-sync, restart, health. A second rotation with an uploaded value puts the scenario's password back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { lastSeq, requestsSince, type KObject } from "./actions-helpers";
import { databaseState, finished, fingerprint, secretData, startRotation, stepNames, waitAirflowHealthy } from "./rotation-helpers";
import { expectCleanPushWrite, pushWrites, secretWrites, vaultFingerprints } from "./rotation-push-helpers";

const NS = "airflow";
const ORIGINAL = "Tr0ub4dor&3-airflow";
let admin: Session;

const passwordOf = (url: string | undefined) => decodeURIComponent(new URL(url ?? "postgresql://x@y").password);

beforeAll(async () => {
  admin = await signIn("admin");
  await waitAirflowHealthy();
});

afterAll(async () => {
  // Leave the scenario's credentials in place for the other tests, whatever happened above.
  const db = await databaseState();
  if (db.users.find((u) => u.name === "airflow")?.passwordSha256 === fingerprint(ORIGINAL)) return;
  const r = await startRotation(admin, { namespace: NS, secret: "airflow-metadata", kind: "airflow-metadata-password", options: { value: ORIGINAL } });
  if (r.rotation) await finished(admin, r.rotation.id, 150_000);
}, 180_000);

describe("airflow-metadata-password", () => {
  it("changes the role's password in the database first, then the vault field, then restarts Airflow", async () => {
    const before = (await secretData(NS, "airflow-metadata"))?.connection;
    const seq = await lastSeq();
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-metadata", kind: "airflow-metadata-password" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    expect(started.rotation?.target.writes).toContain("airflow-postgresql/password");
    const done = await finished(admin, started.rotation?.id ?? "", 150_000);
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "alter-role", "write", "sync", "restart", "verify", "finish"]);
    expect(done.pointOfNoReturn).toBe(true);

    const after = (await secretData(NS, "airflow-metadata"))?.connection;
    const newPassword = passwordOf(after);
    expect(newPassword).not.toBe(passwordOf(before));
    const rest = (u: string | undefined) => {
      const x = new URL(u ?? "postgresql://x@y");
      return [x.protocol, x.username, x.host, x.pathname, x.search].join("|");
    };
    expect(rest(after)).toBe(rest(before));
    const db = await databaseState();
    expect(db.users).toEqual([{ name: "airflow", passwordSha256: fingerprint(newPassword) }]);

    const log = await requestsSince(seq);
    const job = log.find((r) => r.method === "POST" && r.path === `/apis/batch/v1/namespaces/${NS}/jobs`);
    const jobText = JSON.stringify(job?.body);
    expect(jobText).toContain("ALTER ROLE");
    expect(jobText).toContain('"secretKeyRef":{"name":"airflow-metadata","key":"connection"}');
    expect(jobText).not.toContain(newPassword);
    expect(jobText).not.toContain(passwordOf(before));
    const pushes = pushWrites(log);
    expect(pushes.map((p) => [p.remoteRef, p.value])).toEqual([[{ remoteKey: "airflow-postgresql", property: "password" }, newPassword]]);
    await expectCleanPushWrite(pushes[0], "admin");
    const item = await vaultFingerprints("airflow-postgresql");
    expect(item?.password).toBe(fingerprint(newPassword));
    expect(item?.username).toBe(fingerprint("airflow"));
    // ALTER ROLE (the Job) came before the upstream write.
    expect(job?.seq ?? Infinity).toBeLessThan(pushes[0].source.seq);
    expect(secretWrites(log, NS, "airflow-metadata")).toEqual([]);
    const labels = (job?.body as KObject).metadata.labels as Record<string, string> | undefined;
    expect(labels?.["fluxtower.dev/rotation-id"]).toBe(done.id);
    await waitAirflowHealthy();
  }, 180_000);

  it("accepts an uploaded password (and refuses one that cannot go into ALTER ROLE safely)", async () => {
    const bad = await startRotation(admin, { namespace: NS, secret: "airflow-metadata", kind: "airflow-metadata-password", options: { value: "it's-a-quote-password" } });
    expect(bad.status).toBe(400);
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-metadata", kind: "airflow-metadata-password", options: { value: ORIGINAL } });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    expect(JSON.stringify(started)).not.toContain(ORIGINAL);
    const done = await finished(admin, started.rotation?.id ?? "", 150_000);
    expect(done.state, done.message).toBe("succeeded");
    expect(passwordOf((await secretData(NS, "airflow-metadata"))?.connection)).toBe(ORIGINAL);
    expect((await databaseState()).users).toEqual([{ name: "airflow", passwordSha256: fingerprint(ORIGINAL) }]);
    await waitAirflowHealthy();
  }, 180_000);
});
