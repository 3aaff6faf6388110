// The Airflow key flows (`airflow-api-secret`, `airflow-jwt`, `airflow-webserver-secret`): ESO-managed Secrets are
// never written directly — ESO pushes the new value to the vault item the ExternalSecret reads (a PushSecret the app
// creates as the user and removes afterwards), the ExternalSecret is force-synced and the Secret checked — then
// every consumer (api-server and scheduler together) restarts at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { create, kube, lastSeq, requestsSince, type KObject, type LoggedRequest } from "./actions-helpers";
import { fingerprint, finished, secretData, startRotation, stepNames, waitAirflowHealthy } from "./rotation-helpers";
import { expectCleanPushWrite, pushWrites, secretWrites, vaultFingerprints } from "./rotation-push-helpers";

const NS = "airflow";
let admin: Session;

const isWrite = (r: LoggedRequest) => r.method !== "GET";

/** Every request that changed the Secret object itself (create/update/patch/delete on its path). */
async function directWrites(seq: number, secret: string): Promise<LoggedRequest[]> {
  return (await requestsSince(seq)).filter((r) => isWrite(r) && r.path === `/api/v1/namespaces/${NS}/secrets/${secret}`);
}

beforeAll(async () => {
  admin = await signIn("admin");
  await waitAirflowHealthy();
});

afterAll(async () => {
  await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/legacy-webserver-key`);
});

describe.each([
  { kind: "airflow-api-secret", secret: "airflow-api-secret", key: "api-secret-key", item: "airflow-api-secret" },
  { kind: "airflow-jwt", secret: "airflow-jwt-secret", key: "jwt-secret", item: "airflow-jwt-secret" },
])("$kind on an ESO-managed Secret", ({ kind, secret, key, item }) => {
  it("pushes the value to the vault through a PushSecret, force-syncs, restarts api-server and scheduler together, and never writes the Secret", async () => {
    const before = await secretData(NS, secret);
    const seq = await lastSeq();
    const started = await startRotation(admin, { namespace: NS, secret, kind });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    expect(started.rotation?.target.writes).toContain("upstream (push-secret)");
    expect(started.rotation?.target.managedBy).toContain(`ExternalSecret ${NS}/${secret}`);
    const done = await finished(admin, started.rotation?.id ?? "");
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "write", "sync", "restart", "verify", "finish"]);
    const after = await secretData(NS, secret);
    expect(after?.[key]).toMatch(/^[0-9a-f]{32}$/);
    expect(after?.[key]).not.toBe(before?.[key]);

    expect(await directWrites(seq, secret)).toEqual([]);
    const log = await requestsSince(seq);
    expect(secretWrites(log, NS, secret)).toEqual([]);
    expect(log.some((r) => r.path.startsWith("/__demo/vault"))).toBe(false);
    const pushes = pushWrites(log);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ namespace: NS, store: { kind: "ClusterSecretStore", name: "onepassword" }, remoteRef: { remoteKey: item, property: key } });
    expect(pushes[0].value).toBe(after?.[key]);
    await expectCleanPushWrite(pushes[0], "admin");
    expect((await vaultFingerprints(item))?.[key]).toBe(fingerprint(after?.[key] ?? ""));
    const esPatches = log.filter((r) => r.method === "PATCH" && r.path === `/apis/external-secrets.io/v1/namespaces/${NS}/externalsecrets/${secret}`);
    expect(esPatches.length).toBeGreaterThanOrEqual(1);
    expect(esPatches[0]).toMatchObject({ impersonatedUser: "admin", fieldManager: "fluxtower" });
    expect(JSON.stringify(esPatches[0].body)).toContain("force-sync");
    const restarts = log.filter((r) => r.method === "PATCH" && /\/(deployments|statefulsets)\/airflow-/.test(r.path)).map((r) => r.path.split("/").pop());
    expect(restarts).toEqual(expect.arrayContaining(["airflow-api-server", "airflow-scheduler"]));
    const es = await kube<KObject>("GET", `/apis/external-secrets.io/v1/namespaces/${NS}/externalsecrets/${secret}`);
    expect(es.body.metadata.annotations?.["fluxtower.dev/rotated-at"]).toBeTruthy();
    await waitAirflowHealthy();
  }, 120_000);
});

describe("airflow-webserver-secret", () => {
  it("refuses a Secret without its key, and rotates a hand-made Airflow 2 webserver key Secret", async () => {
    const wrongKey = await startRotation(admin, { namespace: NS, secret: "airflow-api-secret", kind: "airflow-webserver-secret" });
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.error?.message).toContain('no key "webserver-secret-key"');
    await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: "legacy-webserver-key", namespace: NS }, data: { "webserver-secret-key": Buffer.from("old-old-old").toString("base64") } } as KObject, { existingOk: true });
    const started = await startRotation(admin, { namespace: NS, secret: "legacy-webserver-key", kind: "airflow-webserver-secret" });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const done = await finished(admin, started.rotation?.id ?? "");
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "write", "finish"]);
    expect((await secretData(NS, "legacy-webserver-key"))?.["webserver-secret-key"]).toMatch(/^[0-9a-f]{32}$/);
  });
});
