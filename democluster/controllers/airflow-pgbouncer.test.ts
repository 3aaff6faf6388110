// PgBouncer in the demo cluster: the chart renders users.txt and the stats connection from
// data.metadataConnection; a pgbouncer pod keeps the users.txt it started with (subPath), crash-loops when that no
// longer logs into the database, its exporter when the stats connection does not match; Airflow behind it
// authenticates against the running pgbouncer pods. A rotation in the right order (ALTER ROLE → users.txt, stats,
// metadata → restart PgBouncer → restart Airflow) keeps everything healthy; skipping a part breaks it visibly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { apply, cond, secretValue, startHarness, waitFor, type Harness } from "./test-harness";
import { airflowRelease, helmRepository, ns } from "./test-fixtures";

const NS = "reports";
const REL = "reports";
const HOST = "pg.reports.internal";
let h: Harness;

const b64 = (v: string): string => Buffer.from(v).toString("base64");
const live = (prefix: string): KObject[] =>
  h.store.list(R.pods, NS).filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp);
const ready = (p: KObject | undefined) => cond(p, "Ready")?.status === "True";
type CStatus = { name: string; state?: { waiting?: { reason?: string } } };
const crashing = (p: KObject, container: string) =>
  [
    ...((p.status?.initContainerStatuses ?? []) as CStatus[]),
    ...((p.status?.containerStatuses ?? []) as CStatus[]),
  ].find((c) => c.name === container)?.state?.waiting?.reason === "CrashLoopBackOff";
const logOf = (p: KObject, container: string): string =>
  (h.sim.logs.lines(NS, p.metadata.name, container) ?? []).join("\n");
const secret = (name: string, key: string) => secretValue(h.store.get(R.secrets, NS, name), key);

function setSecret(name: string, key: string, value: string): void {
  h.store.mutate(R.secrets, NS, name, (s) => ((s.data as Record<string, string>)[key] = b64(value)), {
    fieldManager: "fluxtower",
  });
}

/** Rollout restart; resolves with the first new pod once it is Ready or crash-looping in `container`. */
async function restart(deployment: string, container: string): Promise<KObject> {
  const before = new Set(live(`${deployment}-`).map((p) => p.metadata.name));
  h.store.mutate(
    R.deployments,
    NS,
    deployment,
    (o) =>
      (o.spec.template.metadata.annotations = {
        ...(o.spec.template.metadata.annotations ?? {}),
        "kubectl.kubernetes.io/restartedAt": new Date().toISOString(),
      }),
    { fieldManager: "fluxtower" },
  );
  return waitFor(
    `new ${deployment} pod settles`,
    () => live(`${deployment}-`).find((p) => !before.has(p.metadata.name) && (ready(p) || crashing(p, container))),
    20_000,
  );
}

beforeAll(async () => {
  h = await startHarness();
  h.sim.databaseSetPassword?.(HOST, "airflow", "old-pw");
  apply(h.store, [
    ns(NS),
    helmRepository(),
    airflowRelease(REL, NS, {
      airflowVersion: "3.0.2",
      executor: "KubernetesExecutor",
      postgresql: { enabled: false },
      statsd: { enabled: false },
      triggerer: { enabled: false },
      data: { metadataConnection: { user: "airflow", pass: "old-pw", host: HOST, db: "airflow", sslmode: "disable" } },
      pgbouncer: { enabled: true },
    }),
  ]);
  await waitFor(
    "pgbouncer and scheduler ready",
    () => ready(live(`${REL}-pgbouncer-`)[0]) && ready(live(`${REL}-scheduler-`)[0]),
    30_000,
  );
}, 40_000);
afterAll(async () => h?.stop());

describe("PgBouncer in the demo cluster", () => {
  it("renders the same user and password into users.txt, stats_users, the stats and the metadata connection", () => {
    // charts/airflow/1.18.0/templates/_helpers.yaml pgbouncer_users (:529-533): the metadata and the result-backend
    // user (the metadata connection when no resultBackendConnection), each `quote`d.
    expect(secret(`${REL}-pgbouncer-config`, "users.txt")).toBe('\n"airflow" "old-pw"\n"airflow" "old-pw"');
    const ini = secret(`${REL}-pgbouncer-config`, "pgbouncer.ini") ?? "";
    // pgbouncer_config (:490-527): both databases, the configured auth_type.
    expect(ini).toContain(`\n${REL}-metadata = host=${HOST} dbname=airflow port=5432 pool_size=10 \n`);
    expect(ini).toContain(`\n${REL}-result-backend = host=${HOST} dbname=airflow port=5432 pool_size=5 \n`);
    expect(ini).toContain("\nauth_type = scram-sha-256\n");
    expect(ini).toContain("stats_users = airflow");
    expect(secret(`${REL}-pgbouncer-stats`, "connection")).toBe(
      "postgresql://airflow:old-pw@127.0.0.1:6543/pgbouncer?sslmode=disable",
    );
    expect(secret(`${REL}-metadata`, "connection")).toBe(
      `postgresql://airflow:old-pw@${REL}-pgbouncer.${NS}:6543/${REL}-metadata?sslmode=disable`,
    );
  });

  it("a stale users.txt after ALTER ROLE breaks a restarted PgBouncer (server login failed)", async () => {
    h.sim.databaseSetPassword?.(HOST, "airflow", "new-pw");
    const pod = await restart(`${REL}-pgbouncer`, "pgbouncer");
    expect(crashing(pod, "pgbouncer")).toBe(true);
    expect(logOf(pod, "pgbouncer")).toContain(
      'server login failed: FATAL password authentication failed for user "airflow"',
    );
  });

  it("a users.txt changed after the pod started is not seen (subPath); a restart with a stale stats connection breaks the exporter", async () => {
    setSecret(`${REL}-pgbouncer-config`, "users.txt", '"airflow" "new-pw"\n');
    setSecret(
      `${REL}-metadata`,
      "connection",
      `postgresql://airflow:new-pw@${REL}-pgbouncer.${NS}:6543/${REL}-metadata?sslmode=disable`,
    );
    const stale = live(`${REL}-pgbouncer-`).find((p) => crashing(p, "pgbouncer"));
    expect(stale).toBeDefined();
    const pod = await restart(`${REL}-pgbouncer`, "metrics-exporter");
    expect(crashing(pod, "metrics-exporter")).toBe(true);
    expect(logOf(pod, "metrics-exporter")).toContain('password authentication failed for user \\"airflow\\"');
  });

  it("in the right order everything is healthy again: PgBouncer first, then Airflow", async () => {
    setSecret(
      `${REL}-pgbouncer-stats`,
      "connection",
      "postgresql://airflow:new-pw@127.0.0.1:6543/pgbouncer?sslmode=disable",
    );
    const pgb = await restart(`${REL}-pgbouncer`, "pgbouncer");
    expect(ready(pgb)).toBe(true);
    await waitFor("only the new pgbouncer pod left", () => live(`${REL}-pgbouncer-`).length === 1, 20_000);
    const sched = await restart(`${REL}-scheduler`, "scheduler");
    expect(ready(sched)).toBe(true);
  });

  it("an Airflow pod that starts while no PgBouncer pod is listening waits for one instead of crash-looping", async () => {
    const scale = (n: number) =>
      h.store.mutate(R.deployments, NS, `${REL}-pgbouncer`, (o) => (o.spec.replicas = n), { fieldManager: "kubectl" });
    scale(0);
    await waitFor("no pgbouncer pod", () => live(`${REL}-pgbouncer-`).length === 0, 20_000);
    const before = new Set(live(`${REL}-scheduler-`).map((p) => p.metadata.name));
    h.store.mutate(
      R.deployments,
      NS,
      `${REL}-scheduler`,
      (o) => (o.spec.template.metadata.annotations = { "kubectl.kubernetes.io/restartedAt": new Date().toISOString() }),
      { fieldManager: "fluxtower" },
    );
    const fresh = () => live(`${REL}-scheduler-`).find((p) => !before.has(p.metadata.name));
    await waitFor("new scheduler pod started", () => fresh(), 20_000);
    // At the harness's time scale (×0.02) 400 ms is 20 s: a crash would have happened, the minute of retries has not run out.
    await new Promise((r) => setTimeout(r, 400));
    expect(crashing(fresh() as KObject, "wait-for-airflow-migrations")).toBe(false);
    expect(ready(fresh())).toBe(false);
    scale(1);
    const sched = await waitFor(
      "the scheduler gets in once PgBouncer listens",
      () => (ready(fresh()) ? fresh() : undefined),
      30_000,
    );
    const init = ((sched?.status?.initContainerStatuses ?? []) as { name: string; restartCount?: number }[]).find(
      (c) => c.name === "wait-for-airflow-migrations",
    );
    expect(init?.restartCount ?? 0).toBe(0);
  }, 60_000);

  it("Airflow through PgBouncer fails when its password is not the one in the running pods' users.txt", async () => {
    setSecret(
      `${REL}-metadata`,
      "connection",
      `postgresql://airflow:other-pw@${REL}-pgbouncer.${NS}:6543/${REL}-metadata?sslmode=disable`,
    );
    const sched = await restart(`${REL}-scheduler`, "wait-for-airflow-migrations");
    expect(crashing(sched, "wait-for-airflow-migrations")).toBe(true);
    expect(logOf(sched, "wait-for-airflow-migrations")).toContain(
      `connection to server at "${REL}-pgbouncer.${NS}", port 6543 failed: FATAL:  password authentication failed for user "airflow"`,
    );
  });
});
