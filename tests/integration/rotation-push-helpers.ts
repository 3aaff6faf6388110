// What a rotation wrote upstream through ESO PushSecrets, reconstructed from the demo's request log, and the fake
// vault's field fingerprints from /__demo/state (the demo never reveals vault values).
import { expect } from "vitest";
import { demoControl } from "./harness";
import { kube, type LoggedRequest } from "./actions-helpers";

const PUSH_PATH = /^\/apis\/external-secrets\.io\/v1alpha1\/namespaces\/([^/]+)\/pushsecrets$/;

export interface PushWrite {
  name: string;
  namespace: string;
  /** The PushSecret create request (impersonation, field manager, body). */
  create: LoggedRequest;
  /** The source Secret create request. */
  source: LoggedRequest;
  /** The value the source Secret held (decoded from the request body). */
  value: string;
  store: { kind: string; name: string };
  remoteRef: { remoteKey: string; property?: string };
  spec: Record<string, unknown>;
  /** seq of the DELETE of the PushSecret and of the source Secret (undefined = never deleted). */
  deletedAt?: number;
  sourceDeletedAt?: number;
}

interface PushBody {
  metadata: { name: string; labels?: Record<string, string> };
  spec: { secretStoreRefs: { kind: string; name: string }[]; data: { match: { secretKey: string; remoteRef: { remoteKey: string; property?: string } } }[] } & Record<string, unknown>;
}

/** Every PushSecret created in the log, in order, with its source Secret and the deletes of both. */
export function pushWrites(log: LoggedRequest[]): PushWrite[] {
  const out: PushWrite[] = [];
  for (const create of log.filter((r) => r.method === "POST" && PUSH_PATH.test(r.path) && (r.status ?? 201) < 300)) {
    const namespace = PUSH_PATH.exec(create.path)?.[1] ?? "";
    const body = create.body as PushBody;
    const name = body.metadata.name;
    const source = log.find((r) => r.method === "POST" && r.path === `/api/v1/namespaces/${namespace}/secrets` && (r.body as { metadata?: { name?: string } })?.metadata?.name === name);
    if (!source) throw new Error(`PushSecret ${name}: no source Secret create in the log`);
    const data = (source.body as { data?: Record<string, string> }).data ?? {};
    const secretKey = body.spec.data[0].match.secretKey;
    const del = (path: string) => log.find((r) => r.method === "DELETE" && r.path === path && r.seq > create.seq)?.seq;
    out.push({
      name,
      namespace,
      create,
      source,
      value: Buffer.from(data[secretKey] ?? "", "base64").toString("utf8"),
      store: body.spec.secretStoreRefs[0],
      remoteRef: body.spec.data[0].match.remoteRef,
      spec: body.spec,
      deletedAt: del(`${create.path}/${name}`),
      sourceDeletedAt: del(`/api/v1/namespaces/${namespace}/secrets/${name}`),
    });
  }
  return out;
}

/** The checks every PushSecret write of a rotation must pass: as the user, no value in the spec, pushed once, cleaned up. */
export async function expectCleanPushWrite(w: PushWrite, user: string): Promise<void> {
  expect(w.create).toMatchObject({ impersonatedUser: user, fieldManager: "fluxtower" });
  expect(w.source).toMatchObject({ impersonatedUser: user, fieldManager: "fluxtower" });
  expect(w.spec).toMatchObject({ refreshInterval: "0s", updatePolicy: "Replace", deletionPolicy: "None" });
  expect((w.create.body as PushBody).metadata.labels?.["fluxtower.dev/rotation-id"]).toMatch(/^r/);
  expect(JSON.stringify(w.create.body)).not.toContain(w.value);
  expect(w.deletedAt, `PushSecret ${w.name} deleted`).toBeDefined();
  expect(w.sourceDeletedAt, `source Secret ${w.name} deleted`).toBeDefined();
  expect((await kube("GET", `/apis/external-secrets.io/v1alpha1/namespaces/${w.namespace}/pushsecrets/${w.name}`)).status).toBe(404);
  expect((await kube("GET", `/api/v1/namespaces/${w.namespace}/secrets/${w.name}`)).status).toBe(404);
}

/** Field fingerprints of a vault item (first 16 hex digits of sha256, as democluster/vault shows them). */
export async function vaultFingerprints(item: string, store = "onepassword"): Promise<Record<string, string> | undefined> {
  const res = await demoControl("/__demo/state");
  const state = (await res.json()) as { simulation: { vault: { store: string; items: { name: string; fingerprints: Record<string, string> }[] }[] } };
  return state.simulation.vault.find((v) => v.store === store)?.items.find((i) => i.name === item)?.fingerprints;
}

/** Writes to the Secret object itself (ESO writes inside the demo, never over HTTP: any logged write is someone else). */
export function secretWrites(log: LoggedRequest[], namespace: string, secret: string): LoggedRequest[] {
  return log.filter((r) => r.method !== "GET" && r.path === `/api/v1/namespaces/${namespace}/secrets/${secret}`);
}
