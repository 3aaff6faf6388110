// The `git-ssh-key` flow on the ESO-managed airflow/airflow-git-ssh: a new ed25519 key pair is generated server-side,
// only its PUBLIC key is shown while the rotation waits for the user to add it as a deploy key; after the
// confirmation ESO pushes the private key to the vault (a PushSecret the app creates as the user and removes), the ExternalSecret is synced and the git-sync consumers restart.
// Cancelling while it waits rolls back (nothing was written) and removes the staged key.
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { lastSeq, requestsSince } from "./actions-helpers";
import { command, finished, fingerprint, getRotation, secretData, secretObject, startRotation, stepNames, waitAirflowHealthy, waitRotation } from "./rotation-helpers";
import { expectCleanPushWrite, pushWrites, vaultFingerprints } from "./rotation-push-helpers";

const NS = "airflow";
let admin: Session;

/** The public key blob inside an unencrypted OpenSSH private key file (PROTOCOL.key). */
function publicBlobOf(privateKey: string): string {
  const b64 = privateKey.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
  const buf = Buffer.from(b64, "base64");
  expect(buf.subarray(0, 15).toString("latin1")).toBe("openssh-key-v1\0");
  let off = 15;
  const str = () => {
    const len = buf.readUInt32BE(off);
    const out = buf.subarray(off + 4, off + 4 + len);
    off += 4 + len;
    return out;
  };
  expect(str().toString()).toBe("none");
  expect(str().toString()).toBe("none");
  str();
  expect(buf.readUInt32BE(off)).toBe(1);
  off += 4;
  return str().toString("base64");
}

beforeAll(async () => {
  admin = await signIn("admin");
  await waitAirflowHealthy();
});

describe("git-ssh-key", () => {
  it("shows only the public key, waits for the confirmation, then swaps the key and restarts git-sync", async () => {
    const before = (await secretData(NS, "airflow-git-ssh"))?.gitSshKey;
    const seq = await lastSeq();
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-git-ssh", kind: "git-ssh-key" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    const waiting = await waitRotation(admin, id, (r) => r.state === "waiting");
    expect(waiting.prompt?.step).toBe("await-deploy-key");
    expect(waiting.prompt?.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+=* fluxtower-rotation-[a-z0-9]{8}$/);
    expect(waiting.prompt?.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(waiting.prompt?.message).toContain("git@github.com:acme/airflow-dags.git");
    const text = JSON.stringify(waiting);
    expect(text).not.toContain("PRIVATE KEY");
    // Nothing has been written yet: the Secret still holds the old key.
    expect((await secretData(NS, "airflow-git-ssh"))?.gitSshKey).toBe(before);

    const confirmed = await command(admin, id, "confirm");
    expect(confirmed.status).toBe(200);
    const done = await finished(admin, id, 120_000);
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "await-deploy-key", "write", "sync", "restart", "verify-git-sync", "finish"]);
    expect(done.message).toContain("revoke the OLD deploy key");
    const after = (await secretData(NS, "airflow-git-ssh"))?.gitSshKey ?? "";
    expect(after).toContain("-----BEGIN OPENSSH PRIVATE KEY-----");
    expect(publicBlobOf(after)).toBe(waiting.prompt?.publicKey?.split(" ")[1]);
    const log = await requestsSince(seq);
    expect(log.filter((r) => r.method !== "GET" && r.path === `/api/v1/namespaces/${NS}/secrets/airflow-git-ssh`)).toEqual([]);
    const pushes = pushWrites(log);
    expect(pushes).toHaveLength(1);
    expect(pushes[0].remoteRef.remoteKey).toBe("airflow-git-deploy-key");
    expect(pushes[0].value).toBe(after);
    await expectCleanPushWrite(pushes[0], "admin");
    const field = pushes[0].remoteRef.property ?? "password";
    expect((await vaultFingerprints("airflow-git-deploy-key"))?.[field]).toBe(fingerprint(after));
    const restarted = log.filter((r) => r.method === "PATCH" && /\/(deployments|statefulsets)\//.test(r.path)).map((r) => r.path.split("/").pop());
    expect(restarted).not.toContain("airflow-api-server");
    expect(restarted.length).toBeGreaterThan(0);
    await waitAirflowHealthy();
  }, 150_000);

  it("cancelled while waiting for the deploy key: rolls back, removes the staged key, leaves the Secret alone", async () => {
    const before = (await secretData(NS, "airflow-git-ssh"))?.gitSshKey;
    const started = await startRotation(admin, { namespace: NS, secret: "airflow-git-ssh", kind: "git-ssh-key" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    const waiting = await waitRotation(admin, id, (r) => r.state === "waiting");
    expect(waiting.actions.cancel).toBe(true);
    const staged = `airflow-git-ssh-rotation-${id.slice(-8)}`;
    expect(await secretObject(NS, staged)).toBeDefined();
    expect((await command(admin, id, "cancel")).status).toBe(200);
    const done = await finished(admin, id);
    expect(done.state, done.message).toBe("cancelled");
    expect(stepNames(done, "rollback")).toEqual(["cleanup"]);
    expect(await secretObject(NS, staged)).toBeUndefined();
    expect(await secretObject(NS, done.backup?.secret ?? "")).toBeUndefined();
    expect((await secretData(NS, "airflow-git-ssh"))?.gitSshKey).toBe(before);
    expect((await getRotation(admin, id)).prompt).toBeNull();
    expect((await command(admin, id, "cancel")).status).toBe(409);
  });
});
