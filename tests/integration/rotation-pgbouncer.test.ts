// `airflow-metadata-password` on releases with PgBouncer (DOMAIN.md §4.3): ALTER ROLE first, then the metadata
// connection, PgBouncer's users.txt and stats connection, then PgBouncer is restarted and healthy BEFORE Airflow.
//  - analytics/analytics (scenario; release "analytics" with useStandardNaming: true, so the chart names everything
//    analytics-airflow-…, _helpers.yaml airflow.fullname): all three Secrets are templated by ExternalSecrets from the vault item
//    analytics-airflow-postgresql — one upstream write, then force-syncs; none of the Secrets is ever patched.
//  - reporting/reporting-airflow (created here): inline data.metadataConnection, chart-rendered Secrets — the role's
//    users.txt line and the stats URL are patched directly.
// The demo's PgBouncer pods keep the users.txt they started with and Airflow authenticates through them, so a
// forgotten file or a wrong order would leave crash-looping pods behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoControl, eventually, signIn, type Session } from "./harness";
import { kube, lastSeq, requestsSince, type KObject, type LoggedRequest } from "./actions-helpers";
import { finished, fingerprint, secretData, startRotation, stepNames, type RotationView } from "./rotation-helpers";

const ESO_NS = "analytics";
const ESO_ORIGINAL = "Analyt1cs-pgb0uncer-2024";
const DIRECT_NS = "reporting";
const DIRECT_REL = "reporting-airflow";
const DIRECT_ORIGINAL = "Rep0rting-inline-2024";
let admin: Session;

const passwordOf = (url: string | undefined) => decodeURIComponent(new URL(url ?? "postgresql://x@y").password);

async function dbUsers(host: string): Promise<{ name: string; passwordSha256: string }[]> {
  const state = (await (await demoControl("/__demo/state")).json()) as { simulation: { databaseState: { host: string; users: { name: string; passwordSha256: string }[] }[] } };
  return state.simulation.databaseState.find((d) => d.host === host)?.users ?? [];
}

/** Every live pod of the namespace's Airflow release (PgBouncer included) is Ready. */
async function healthy(ns: string, min: number): Promise<boolean> {
  const r = await kube<{ items: KObject[] }>("GET", `/api/v1/namespaces/${ns}/pods?labelSelector=tier%3Dairflow`);
  const pods = (r.body.items ?? []).filter((p) => !(p.metadata as { deletionTimestamp?: string }).deletionTimestamp && (p.status as { phase?: string } | undefined)?.phase !== "Succeeded");
  return pods.length >= min && pods.every((p) => p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"));
}
const waitHealthy = (ns: string, min: number, timeoutMs = 120_000) => eventually(async () => (await healthy(ns, min)) || undefined, timeoutMs, 500);

const restarts = (log: LoggedRequest[], ns: string, deployment: string) => log.filter((r) => r.method === "PATCH" && r.path === `/apis/apps/v1/namespaces/${ns}/deployments/${deployment}`);
const alterRoleJob = (log: LoggedRequest[], ns: string) => log.find((r) => r.method === "POST" && r.path === `/apis/batch/v1/namespaces/${ns}/jobs` && JSON.stringify(r.body).includes("ALTER ROLE"));

async function rotate(ns: string, secret: string, value?: string): Promise<RotationView> {
  const started = await startRotation(admin, { namespace: ns, secret, kind: "airflow-metadata-password", ...(value ? { options: { value } } : {}) });
  expect(started.status, JSON.stringify(started.error)).toBe(202);
  return finished(admin, started.rotation?.id ?? "", 240_000);
}

function directRelease(): KObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: DIRECT_REL, namespace: DIRECT_NS },
    spec: {
      interval: "30m",
      chart: { spec: { chart: "airflow", version: "1.18.x", sourceRef: { kind: "HelmRepository", name: "apache-airflow", namespace: "flux-system" } } },
      values: {
        airflowVersion: "3.0.2",
        defaultAirflowTag: "3.0.2",
        executor: "KubernetesExecutor",
        postgresql: { enabled: false },
        statsd: { enabled: false },
        triggerer: { enabled: false },
        data: { metadataConnection: { user: "reporting", pass: DIRECT_ORIGINAL, host: "reporting-db.prod.internal", db: "reporting", sslmode: "disable" } },
        pgbouncer: { enabled: true },
      },
    },
  };
}

beforeAll(async () => {
  admin = await signIn("admin");
  await kube("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: DIRECT_NS } });
  const hr = await kube("POST", `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${DIRECT_NS}/helmreleases`, directRelease());
  expect([200, 201, 409]).toContain(hr.status);
  await Promise.all([waitHealthy(ESO_NS, 4), waitHealthy(DIRECT_NS, 4)]);
}, 180_000);

afterAll(async () => {
  // Leave the scenario's analytics credentials in place for the other tests, whatever happened above.
  const users = await dbUsers("analytics-db.prod.internal");
  if (users.find((u) => u.name === "analytics")?.passwordSha256 !== fingerprint(ESO_ORIGINAL)) await rotate(ESO_NS, "analytics-airflow-metadata", ESO_ORIGINAL);
  await kube("DELETE", `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${DIRECT_NS}/helmreleases/${DIRECT_REL}`);
  await kube("DELETE", `/api/v1/namespaces/${DIRECT_NS}`);
}, 300_000);

describe("airflow-metadata-password with PgBouncer", () => {
  it("ESO-managed: one vault write, force-syncs, PgBouncer restarted and healthy before Airflow; no Secret patched", async () => {
    const before = (await secretData(ESO_NS, "analytics-airflow-metadata"))?.connection;
    const seq = await lastSeq();
    const done = await rotate(ESO_NS, "analytics-airflow-metadata");
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "alter-role", "write", "sync", "sync-pgbouncer", "restart-pgbouncer", "verify-pgbouncer", "restart", "verify", "finish"]);
    expect(done.pointOfNoReturn).toBe(true);
    expect(JSON.stringify(done)).not.toContain("data.metadataConnection.pass"); // metadataSecretName: nothing in the values

    const pw = passwordOf((await secretData(ESO_NS, "analytics-airflow-metadata"))?.connection);
    expect(pw).not.toBe(passwordOf(before));
    expect(await dbUsers("analytics-db.prod.internal")).toEqual([{ name: "analytics", passwordSha256: fingerprint(pw) }]);
    expect((await secretData(ESO_NS, "analytics-airflow-pgbouncer-config"))?.["users.txt"]).toBe(`"analytics" "${pw}"\n`);
    expect(passwordOf((await secretData(ESO_NS, "analytics-airflow-pgbouncer-stats"))?.connection)).toBe(pw);

    const log = await requestsSince(seq);
    const job = alterRoleJob(log, ESO_NS);
    expect(job).toBeDefined();
    expect(JSON.stringify(job?.body)).not.toContain(pw);
    const syncs = log.filter((r) => r.method === "PATCH" && /externalsecrets\/analytics-airflow-pgbouncer-(config|stats)$/.test(r.path));
    expect(syncs.length).toBeGreaterThanOrEqual(2);
    expect(job?.seq ?? Infinity).toBeLessThan(Math.min(...syncs.map((s) => s.seq)));
    for (const name of ["analytics-airflow-metadata", "analytics-airflow-pgbouncer-config", "analytics-airflow-pgbouncer-stats"]) {
      expect(log.filter((r) => r.method !== "GET" && r.path === `/api/v1/namespaces/${ESO_NS}/secrets/${name}`), name).toEqual([]);
    }
    const pgb = restarts(log, ESO_NS, "analytics-airflow-pgbouncer");
    const scheduler = restarts(log, ESO_NS, "analytics-airflow-scheduler");
    expect(pgb).toHaveLength(1);
    expect(scheduler).toHaveLength(1);
    expect(Math.max(...syncs.map((s) => s.seq))).toBeLessThan(pgb[0].seq);
    expect(pgb[0].seq).toBeLessThan(scheduler[0].seq);
    const backup = await secretData(ESO_NS, done.backup?.secret ?? "");
    expect(Object.keys(backup ?? {}).sort()).toEqual(["analytics-airflow-pgbouncer-config.users.txt", "analytics-airflow-pgbouncer-stats.connection", "connection"]);
    await waitHealthy(ESO_NS, 4, 60_000);
  }, 300_000);

  it("chart-rendered Secrets: users.txt and the stats URL patched as the user, then PgBouncer, then Airflow", async () => {
    const seq = await lastSeq();
    const done = await rotate(DIRECT_NS, `${DIRECT_REL}-metadata`);
    expect(done.state, done.message).toBe("succeeded");
    expect(stepNames(done)).toEqual(["backup", "stage", "alter-role", "write", "write-pgbouncer", "restart-pgbouncer", "verify-pgbouncer", "restart", "verify", "finish"]);
    // The password also lives in the HelmRelease values: the user is told the next upgrade would put the old one back.
    expect(JSON.stringify(done)).toContain(`HelmRelease ${DIRECT_NS}/${DIRECT_REL} renders ${DIRECT_REL}-metadata from data.metadataConnection.pass`);

    const pw = passwordOf((await secretData(DIRECT_NS, `${DIRECT_REL}-metadata`))?.connection);
    expect(pw).not.toBe(DIRECT_ORIGINAL);
    expect(await dbUsers("reporting-db.prod.internal")).toEqual([{ name: "reporting", passwordSha256: fingerprint(pw) }]);
    const config = await secretData(DIRECT_NS, `${DIRECT_REL}-pgbouncer-config`);
    // charts/airflow/1.18.0/templates/_helpers.yaml:529-533 (pgbouncer_users): a leading newline, then the metadata
    // user's line and the result backend's (defaulting to the metadata connection) — both lines get the new password.
    expect(config?.["users.txt"]).toBe(`\n"reporting" "${pw}"\n"reporting" "${pw}"`);
    expect(config?.["pgbouncer.ini"]).toContain("stats_users = reporting");
    expect((await secretData(DIRECT_NS, `${DIRECT_REL}-pgbouncer-stats`))?.connection).toBe(`postgresql://reporting:${encodeURIComponent(pw)}@127.0.0.1:6543/pgbouncer?sslmode=disable`);

    const log = await requestsSince(seq);
    const job = alterRoleJob(log, DIRECT_NS);
    const patches = log.filter((r) => r.method === "PATCH" && new RegExp(`/secrets/${DIRECT_REL}-pgbouncer-(config|stats)$`).test(r.path));
    expect(patches).toHaveLength(2);
    for (const p of patches) expect(p.fieldManager).toBe("fluxtower");
    expect(job?.seq ?? Infinity).toBeLessThan(Math.min(...patches.map((p) => p.seq)));
    const pgb = restarts(log, DIRECT_NS, `${DIRECT_REL}-pgbouncer`);
    const scheduler = restarts(log, DIRECT_NS, `${DIRECT_REL}-scheduler`);
    expect(pgb).toHaveLength(1);
    expect(Math.max(...patches.map((p) => p.seq))).toBeLessThan(pgb[0].seq);
    expect(pgb[0].seq).toBeLessThan(scheduler[0].seq);
    await waitHealthy(DIRECT_NS, 4, 60_000);
  }, 300_000);

  it("the PgBouncer Secrets are not rotated on their own: the inventory says which Secret to rotate, the API refuses", async () => {
    const res = await admin.fetch(`/api/v1/clusters/demo/secrets?namespace=${ESO_NS}`);
    const items = ((await res.json()) as { items: { name: string; rotate: { allowed: boolean; reason?: string } }[] }).items;
    for (const name of ["analytics-airflow-pgbouncer-config", "analytics-airflow-pgbouncer-stats"]) {
      const item = items.find((i) => i.name === name);
      expect(item?.rotate.allowed, name).toBe(false);
      expect(item?.rotate.reason).toContain("rotate analytics-airflow-metadata");
    }
    expect(items.find((i) => i.name === "analytics-airflow-metadata")?.rotate.allowed).toBe(true);
    const refused = await startRotation(admin, { namespace: ESO_NS, secret: "analytics-airflow-pgbouncer-stats", kind: "generic", options: { value: "postgresql://x:y@127.0.0.1:6543/pgbouncer" } });
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain("carries the metadata database password");
  });
});
