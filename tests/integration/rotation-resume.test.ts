// Crash safety: a second app instance (`next start` on another port, same database, same demo cluster) starts a
// rotation and is killed (SIGKILL) while a step hangs — the demo's controllers are paused so the rollout (or the
// re-encryption Job) cannot finish. Started again, the instances resume the rotation from its journal (the dead
// driver's lease runs out) and it completes with no value lost: before and past the point of no return, and in the
// middle of an upstream write through a PushSecret (ESO paused, so the PushSecret stays unsynced).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoControl, signIn, type Session } from "./harness";
import { kube } from "./actions-helpers";
import { freePort, signInAt as signInOn, startInstance as startOn, type AppInstance } from "./app-instance";
import { databaseState, finished, fingerprint, getRotation, secretData, secretObject, startRotation, waitAirflowHealthy, waitRotation } from "./rotation-helpers";

const NS = "airflow";
let admin: Session;
let port = 0;
let instance: AppInstance | undefined;

/** (Re)starts the second instance on the same port (never two at once: a failed test may have left one running). */
async function startInstance(): Promise<string> {
  killInstance();
  instance = await startOn(port);
  return instance.url;
}

function killInstance(): void {
  instance?.kill();
  instance = undefined;
}

const signInAt = (base: string) => signInOn(base, "admin");

const pause = (kind: string) => demoControl("/__demo/pause", { method: "POST", body: JSON.stringify({ kind, namespace: NS }) });
const resume = (kind: string) => demoControl("/__demo/resume", { method: "POST", body: JSON.stringify({ kind, namespace: NS }) });

beforeAll(async () => {
  if (!process.env.DATABASE_URL) throw new Error("rotation-resume needs DATABASE_URL (the app's database) to start a second instance");
  admin = await signIn("admin");
  port = await freePort();
  await waitAirflowHealthy();
}, 60_000);

afterAll(async () => {
  killInstance();
  await resume("Deployment");
  await resume("Job");
  await resume("PushSecret");
});

describe("killing the app in the middle of a rotation", () => {
  it("resumes a generic rotation at the rollout wait and finishes with the new value in place", async () => {
    const original = (await secretData(NS, "airflow-smtp"))?.password;
    const second = await signInAt(await startInstance());
    await pause("Deployment");
    const started = await startRotation(second, { namespace: NS, secret: "airflow-smtp", kind: "generic", key: "password" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    await waitRotation(admin, id, (r) => r.steps.some((s) => s.name === "verify" && s.state === "running"), 60_000);
    killInstance();
    const written = (await secretData(NS, "airflow-smtp"))?.password;
    expect(written).not.toBe(original);
    const mid = await getRotation(admin, id);
    expect(mid.state).toBe("running");
    await resume("Deployment");
    await startInstance();
    const done = await finished(admin, id, 120_000);
    expect(done.state, done.message).toBe("succeeded");
    expect(done.steps.filter((s) => s.name === "write")).toHaveLength(1);
    // No value lost: the new value is live (the one written before the crash), the old one is in the backup.
    expect((await secretData(NS, "airflow-smtp"))?.password).toBe(written);
    expect(Buffer.from((await secretObject(NS, done.backup?.secret ?? ""))?.data?.password ?? "", "base64").toString()).toBe(original);
    expect(await secretObject(NS, `airflow-smtp-rotation-${id.slice(-8)}`)).toBeUndefined();
    killInstance();
    await waitAirflowHealthy();
  }, 240_000);

  it("resumes a Fernet rotation past its point of no return (the re-encryption Job) without losing a key", async () => {
    const old = (await secretData(NS, "airflow-fernet-key"))?.["fernet-key"] ?? "";
    await startInstance();
    const second = await signInAt(`http://127.0.0.1:${port}`);
    await pause("Job");
    const started = await startRotation(second, { namespace: NS, secret: "airflow-fernet-key", kind: "airflow-fernet" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    const mid = await waitRotation(admin, id, (r) => r.pointOfNoReturn && r.steps.some((s) => s.name === "reencrypt" && s.state === "running"), 90_000);
    expect(mid.actions.cancel).toBe(false);
    killInstance();
    // While nobody drives it, the Secret holds `new,old`: every encrypted value stays readable.
    const during = (await secretData(NS, "airflow-fernet-key"))?.["fernet-key"] ?? "";
    expect(during.split(",")).toHaveLength(2);
    expect(during.split(",")[1]).toBe(old);
    await resume("Job");
    await startInstance();
    const done = await finished(admin, id, 150_000);
    expect(done.state, done.message).toBe("succeeded");
    const now = (await secretData(NS, "airflow-fernet-key"))?.["fernet-key"] ?? "";
    expect(now).toBe(during.split(",")[0]);
    expect((await databaseState()).fernetKeySha256).toBe(fingerprint(now));
    killInstance();
    await waitAirflowHealthy();
  }, 300_000);

  it("resumes an upstream write whose PushSecret was not synced yet, and leaves no PushSecret or source Secret", async () => {
    const before = (await secretData(NS, "airflow-api-secret"))?.["api-secret-key"];
    await startInstance();
    const second = await signInAt(`http://127.0.0.1:${port}`);
    await pause("PushSecret");
    const started = await startRotation(second, { namespace: NS, secret: "airflow-api-secret", kind: "airflow-api-secret" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    await waitRotation(admin, id, (r) => r.steps.some((s) => s.name === "write" && s.message.includes("waiting for ESO")), 60_000);
    killInstance();
    const list = await kube<{ items: { metadata: { name: string; labels?: Record<string, string> } }[] }>("GET", `/apis/external-secrets.io/v1alpha1/namespaces/${NS}/pushsecrets`);
    const ours = list.body.items.filter((p) => p.metadata.labels?.["fluxtower.dev/rotation-id"] === id);
    expect(ours).toHaveLength(1);
    expect((await secretData(NS, "airflow-api-secret"))?.["api-secret-key"]).toBe(before);
    await resume("PushSecret");
    await startInstance();
    const done = await finished(admin, id, 120_000);
    expect(done.state, done.message).toBe("succeeded");
    const after = (await secretData(NS, "airflow-api-secret"))?.["api-secret-key"];
    expect(after).toMatch(/^[0-9a-f]{32}$/);
    expect(after).not.toBe(before);
    const name = ours[0]?.metadata.name ?? "";
    expect((await kube("GET", `/apis/external-secrets.io/v1alpha1/namespaces/${NS}/pushsecrets/${name}`)).status).toBe(404);
    expect((await kube("GET", `/api/v1/namespaces/${NS}/secrets/${name}`)).status).toBe(404);
    killInstance();
    await waitAirflowHealthy();
  }, 240_000);
});
