// The manual upstream path: a store whose status.capabilities is ReadOnly (no PushSecret possible) behind an
// ExternalSecret whose Secret a Deployment reads. A generic rotation with an uploaded value waits for the user,
// naming the store, item and property (never the value); the test changes the vault item through the demo's control
// endpoint, as a person would in their vault, and confirms; the flow force-syncs, checks the Secret and restarts the
// Deployment — and never writes the Secret or creates a PushSecret. Confirming WITHOUT changing the vault does not
// succeed: the sync step fails after its settle window and the rotation rolls back (restoring = asking again).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoControl, eventually, signIn, type Session } from "./harness";
import { create, kube, lastSeq, requestsSince, type KObject } from "./actions-helpers";
import { command, fingerprint, finished, secretData, startRotation, stepNames, waitRotation } from "./rotation-helpers";
import { pushWrites, secretWrites, vaultFingerprints } from "./rotation-push-helpers";

const ESO = "/apis/external-secrets.io/v1";
const NS = `manual-${randomBytes(3).toString("hex")}`;
const VAULT = `vault-${NS}`;
const ITEM = "app-token";
let admin: Session;

const setVault = async (fields: Record<string, string>) => {
  const res = await demoControl(`/__demo/vault/${VAULT}/${ITEM}`, { method: "PUT", body: JSON.stringify({ fields }) });
  if (!res.ok) throw new Error(`vault PUT → ${res.status}`);
};

async function deploymentReady(): Promise<boolean> {
  const d = await kube("GET", `/apis/apps/v1/namespaces/${NS}/deployments/app`);
  const st = d.body.status as { availableReplicas?: number; updatedReplicas?: number; observedGeneration?: number } | undefined;
  return st?.availableReplicas === 1 && st.updatedReplicas === 1 && st.observedGeneration === d.body.metadata.generation;
}

beforeAll(async () => {
  admin = await signIn("admin");
  await create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } } as KObject);
  await setVault({ token: "first-token", user: "svc" });
  // The 1Password provider requires `auth` (external-secrets.io_secretstores.yaml), so the store names its token.
  await create(`/api/v1/namespaces/${NS}/secrets`, {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "onepassword-connect-token", namespace: NS },
    type: "Opaque",
    data: { token: Buffer.from("connect-token").toString("base64") },
  } as KObject);
  await create(`${ESO}/namespaces/${NS}/secretstores`, {
    apiVersion: "external-secrets.io/v1",
    kind: "SecretStore",
    metadata: { name: "readonly", namespace: NS, annotations: { "democluster.fluxtower.dev/vault": VAULT, "democluster.fluxtower.dev/capabilities": "ReadOnly" } },
    spec: {
      provider: {
        onepassword: {
          connectHost: "http://onepassword-connect:8080",
          vaults: { platform: 1 },
          auth: { secretRef: { connectTokenSecretRef: { name: "onepassword-connect-token", key: "token" } } },
        },
      },
    },
  } as KObject);
  await create(`${ESO}/namespaces/${NS}/externalsecrets`, {
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: { name: ITEM, namespace: NS },
    spec: { refreshInterval: "1h", secretStoreRef: { kind: "SecretStore", name: "readonly" }, target: { name: ITEM }, data: [{ secretKey: "token", remoteRef: { key: ITEM, property: "token" } }] },
  } as KObject);
  await create(`/apis/apps/v1/namespaces/${NS}/deployments`, {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "app", namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "app" } },
      template: { metadata: { labels: { app: "app" } }, spec: { containers: [{ name: "web", image: "nginx:1.27", env: [{ name: "TOKEN", valueFrom: { secretKeyRef: { name: ITEM, key: "token" } } }] }] } },
    },
  } as KObject);
  await eventually(async () => (await secretData(NS, ITEM))?.token === "first-token" || undefined, 30_000, 300);
  await eventually(async () => (await deploymentReady()) || undefined, 30_000, 300);
}, 90_000);

afterAll(async () => {
  await kube("DELETE", `/api/v1/namespaces/${NS}`);
});

describe("manual upstream write (ReadOnly store)", () => {
  it("the store reports ReadOnly, and a generated value is refused (it would have to be shown)", async () => {
    const store = await kube("GET", `${ESO}/namespaces/${NS}/secretstores/readonly`);
    expect((store.body.status as { capabilities?: string }).capabilities).toBe("ReadOnly");
    const refused = await startRotation(admin, { namespace: NS, secret: ITEM, kind: "generic" });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toContain("upload the new value");
  });

  it("waits for the user with exact instructions, then force-syncs, verifies and restarts, never writing the Secret", async () => {
    const value = `second-${randomBytes(8).toString("hex")}`;
    const seq = await lastSeq();
    const started = await startRotation(admin, { namespace: NS, secret: ITEM, kind: "generic", options: { value } });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    expect(started.rotation?.target.writes).toBe(`you change ${ITEM}/token in SecretStore readonly (onepassword)`);
    const id = started.rotation?.id ?? "";
    const waiting = await waitRotation(admin, id, (r) => r.state === "waiting");
    expect(waiting.prompt?.step).toBe("write");
    expect(waiting.prompt?.message).toContain("SecretStore readonly");
    expect(waiting.prompt?.message).toContain(`property "token" of item "${ITEM}"`);
    expect(JSON.stringify(waiting)).not.toContain(value);
    await setVault({ token: value });
    expect((await command(admin, id, "confirm")).status).toBe(200);
    const done = await finished(admin, id);
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "write", "sync", "restart", "verify", "finish"]);
    expect((await secretData(NS, ITEM))?.token).toBe(value);
    expect((await vaultFingerprints(ITEM, VAULT))?.user).toBe(fingerprint("svc"));
    const log = await requestsSince(seq);
    expect(secretWrites(log, NS, ITEM)).toEqual([]);
    expect(pushWrites(log)).toEqual([]);
    const forceSync = log.find((r) => r.method === "PATCH" && r.path === `${ESO}/namespaces/${NS}/externalsecrets/${ITEM}`);
    expect(forceSync).toMatchObject({ impersonatedUser: "admin", fieldManager: "fluxtower" });
    const restart = log.find((r) => r.method === "PATCH" && r.path === `/apis/apps/v1/namespaces/${NS}/deployments/app`);
    expect(restart?.seq ?? 0).toBeGreaterThan(forceSync?.seq ?? Infinity);
  }, 120_000);

  it("a confirmation without the vault change fails at the sync step and rolls back", async () => {
    const current = (await secretData(NS, ITEM))?.token ?? "";
    const value = `third-${randomBytes(8).toString("hex")}`;
    const started = await startRotation(admin, { namespace: NS, secret: ITEM, kind: "generic", options: { value } });
    expect(started.status, JSON.stringify(started.error)).toBe(202);
    const id = started.rotation?.id ?? "";
    await waitRotation(admin, id, (r) => r.state === "waiting");
    expect((await command(admin, id, "confirm")).status).toBe(200);
    // ESO syncs the unchanged item; after the 30 s settle window the sync step fails and the rollback starts. Its
    // restore is a manual write too: it asks again for the previous value, which the vault still holds.
    const restoring = await waitRotation(admin, id, (r) => r.phase === "rollback" && r.state === "waiting", 90_000);
    const sync = restoring.steps.find((s) => s.phase === "forward" && s.name === "sync");
    expect(sync?.state).toBe("failed");
    expect(sync?.message).toContain("the backend item was not changed as expected");
    expect(restoring.prompt?.step).toBe("restore");
    expect((await command(admin, id, "confirm")).status).toBe(200);
    const done = await finished(admin, id, 90_000);
    expect(done.state, done.message).toBe("rolled-back");
    expect(stepNames(done, "rollback")).toEqual(["restore", "restore-sync", "restore-restart", "restore-verify", "cleanup"]);
    expect((await secretData(NS, ITEM))?.token).toBe(current);
  }, 180_000);
});
