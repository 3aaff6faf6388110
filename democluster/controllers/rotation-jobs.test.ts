// The demo cluster's support for secret rotation: Jobs run to completion, the `airflow rotate-fernet-key` and
// `psql … ALTER ROLE` Jobs change the simulated database, and Airflow pods crash when a rotation is done in the
// wrong order (old Fernet key dropped before re-encryption, Secret changed before ALTER ROLE).
import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { fingerprint } from "../sim/databases";
import { apply, cond, startHarness, waitFor, type Harness } from "./test-harness";
import { FERNET, ns, opaqueSecret } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

const HOST = "db.prod.internal";
const NEW_FERNET = Buffer.alloc(32, 7).toString("base64url") + "=";
const url = (password: string): string => `postgresql://airflow:${password}@${HOST}:5432/airflow?sslmode=require`;
const b64 = (v: string): string => Buffer.from(v).toString("base64");

const podsOf = (prefix: string): KObject[] =>
  h.store.list(R.pods, "apps").filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp);
const waitingReason = (pod: KObject | undefined): string | undefined =>
  pod?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
const logOf = (pod: KObject): string[] =>
  h.sim.logs.lines("apps", pod.metadata.name, pod.spec.containers[0].name) ?? [];

function setSecret(name: string, key: string, value: string): void {
  h.store.mutate(R.secrets, "apps", name, (s) => ((s.data as Record<string, string>)[key] = b64(value)), {
    fieldManager: "fluxtower",
  });
}

function restart(name: string): void {
  h.store.mutate(
    R.deployments,
    "apps",
    name,
    (o) => {
      o.spec.template.metadata.annotations = { "kubectl.kubernetes.io/restartedAt": new Date().toISOString() };
    },
    { fieldManager: "fluxtower" },
  );
}

const secretEnv = (name: string, secret: string, key: string) => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key } },
});

function scheduler(): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "scheduler", namespace: "apps" },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "scheduler" } },
      template: {
        metadata: { labels: { app: "scheduler" } },
        spec: {
          containers: [
            {
              name: "scheduler",
              image: "apache/airflow:3.0.2",
              args: ["bash", "-c", "exec airflow scheduler"],
              env: [
                secretEnv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "metadata", "connection"),
                secretEnv("AIRFLOW__CORE__FERNET_KEY", "fernet", "fernet-key"),
              ],
            },
          ],
        },
      },
    },
  };
}

function job(name: string, args: string[], env: Record<string, unknown>[]): KObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, namespace: "apps" },
    spec: {
      backoffLimit: 0,
      template: {
        spec: {
          restartPolicy: "Never",
          containers: [{ name: "rotation", image: "apache/airflow:3.0.2", command: ["bash", "-c"], args, env }],
        },
      },
    },
  };
}

const FERNET_JOB_ENV = [
  secretEnv("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "metadata", "connection"),
  secretEnv("AIRFLOW__CORE__FERNET_KEY", "fernet", "fernet-key"),
];
const ALTER_ROLE = 'psql "$DB_URL" -v ON_ERROR_STOP=1 -c "ALTER ROLE \\"airflow\\" PASSWORD \'$NEW_PASSWORD\'"';
const ALTER_ENV = [secretEnv("DB_URL", "metadata", "connection"), secretEnv("NEW_PASSWORD", "staged", "password")];

async function startAirflow(): Promise<void> {
  h = await startHarness();
  h.sim.databaseSetPassword?.(HOST, "airflow", "old-pw");
  h.sim.databaseSetFernetKey?.(HOST, FERNET);
  apply(h.store, [
    ns("apps"),
    opaqueSecret("metadata", "apps", { connection: url("old-pw") }),
    opaqueSecret("fernet", "apps", { "fernet-key": FERNET }),
    scheduler(),
  ]);
  await waitFor("scheduler ready", () => podsOf("scheduler-").find((p) => cond(p, "Ready")?.status === "True"));
}

const jobDone = (name: string) => () => {
  const j = h.store.get(R.jobs, "apps", name);
  return cond(j, "Complete")?.status === "True" || cond(j, "Failed")?.status === "True" ? j : undefined;
};
const dbState = () =>
  (
    h.sim.describe().databaseState as {
      host: string;
      users: { name: string; passwordSha256: string }[];
      fernetKeySha256: string | null;
    }[]
  )[0];

async function newPodAfterRestart(): Promise<KObject> {
  const before = new Set(podsOf("scheduler-").map((p) => p.metadata.name));
  restart("scheduler");
  return waitFor(
    "new scheduler pod settles",
    () =>
      podsOf("scheduler-").find(
        (p) =>
          !before.has(p.metadata.name) &&
          (cond(p, "Ready")?.status === "True" || waitingReason(p) === "CrashLoopBackOff"),
      ),
    15_000,
  );
}

describe("rotation support: Fernet key", () => {
  it("wrong order: dropping the old key before re-encryption crash-loops Airflow with InvalidToken", async () => {
    await startAirflow();
    setSecret("fernet", "fernet-key", NEW_FERNET);
    const pod = await newPodAfterRestart();
    expect(waitingReason(pod)).toBe("CrashLoopBackOff");
    expect(logOf(pod).some((l) => l.includes("cryptography.fernet.InvalidToken"))).toBe(true);
    // The re-encryption Job cannot help either: the list no longer holds the key the data is encrypted with.
    apply(h.store, [job("rotate-fernet", ["exec airflow rotate-fernet-key"], FERNET_JOB_ENV)]);
    const done = await waitFor("job finished", jobDone("rotate-fernet"), 15_000);
    expect(cond(done, "Failed")?.status).toBe("True");
    expect(dbState().fernetKeySha256).toBe(fingerprint(FERNET));
  });

  it("right order: new,old → rotate-fernet-key Job → new keeps Airflow healthy and re-encrypts the data", async () => {
    await startAirflow();
    setSecret("fernet", "fernet-key", `${NEW_FERNET},${FERNET}`);
    expect(cond(await newPodAfterRestart(), "Ready")?.status).toBe("True");
    apply(h.store, [job("rotate-fernet", ["exec airflow rotate-fernet-key"], FERNET_JOB_ENV)]);
    const done = await waitFor("job finished", jobDone("rotate-fernet"), 15_000);
    expect(cond(done, "Complete")?.status).toBe("True");
    expect(dbState().fernetKeySha256).toBe(fingerprint(NEW_FERNET));
    const jobPod = h.store.list(R.pods, "apps").find((p) => p.metadata.name.startsWith("rotate-fernet-"));
    expect(jobPod?.status?.phase).toBe("Succeeded");
    setSecret("fernet", "fernet-key", NEW_FERNET);
    expect(cond(await newPodAfterRestart(), "Ready")?.status).toBe("True");
  });
});

describe("rotation support: metadata DB password", () => {
  it("wrong order: changing the connection Secret before ALTER ROLE crash-loops Airflow", async () => {
    await startAirflow();
    setSecret("metadata", "connection", url("new-pw"));
    const pod = await newPodAfterRestart();
    expect(waitingReason(pod)).toBe("CrashLoopBackOff");
    expect(logOf(pod).some((l) => l.includes('password authentication failed for user "airflow"'))).toBe(true);
  });

  it("right order: ALTER ROLE with the current credentials, then the Secret, keeps Airflow healthy", async () => {
    await startAirflow();
    apply(h.store, [
      opaqueSecret("staged", "apps", { password: "new-pw" }),
      job("alter-role", [ALTER_ROLE], ALTER_ENV),
    ]);
    const done = await waitFor("job finished", jobDone("alter-role"), 15_000);
    expect(cond(done, "Complete")?.status).toBe("True");
    expect(dbState().users).toEqual([{ name: "airflow", passwordSha256: fingerprint("new-pw") }]);
    const jobPod = h.store.list(R.pods, "apps").find((p) => p.metadata.name.startsWith("alter-role-"));
    expect(
      h.sim.logs.lines("apps", jobPod?.metadata.name ?? "", "rotation")?.some((l) => l.endsWith("ALTER ROLE")),
    ).toBe(true);
    setSecret("metadata", "connection", url("new-pw"));
    expect(cond(await newPodAfterRestart(), "Ready")?.status).toBe("True");
  });

  it("an ALTER ROLE Job with wrong current credentials fails and changes nothing", async () => {
    await startAirflow();
    setSecret("metadata", "connection", url("not-the-password"));
    apply(h.store, [
      opaqueSecret("staged", "apps", { password: "new-pw" }),
      job("alter-role", [ALTER_ROLE], ALTER_ENV),
    ]);
    const done = await waitFor("job finished", jobDone("alter-role"), 15_000);
    expect(cond(done, "Failed")?.status).toBe("True");
    expect(dbState().users).toEqual([{ name: "airflow", passwordSha256: fingerprint("old-pw") }]);
  });
});

describe("rotation support: airflow scenario", () => {
  it("has a hand-made airflow-smtp Secret read by the scheduler, and the metadata DB encrypted with the vault's key", async () => {
    h = await startHarness("airflow");
    const smtp = h.store.get(R.secrets, "airflow", "airflow-smtp");
    expect(smtp?.metadata.labels?.["reconcile.external-secrets.io/managed"]).toBeUndefined();
    const deploy = await waitFor(
      "scheduler rendered",
      () => h.store.get(R.deployments, "airflow", "airflow-scheduler"),
      20_000,
    );
    const env = deploy.spec.template.spec.containers.find((c: { name: string }) => c.name === "scheduler")?.env ?? [];
    expect(env).toContainEqual(secretEnv("AIRFLOW__SMTP__SMTP_PASSWORD", "airflow-smtp", "password"));
    const state = dbState();
    expect(state.host).toBe("airflow-db.prod.internal");
    expect(state.fernetKeySha256).toBe(fingerprint(FERNET));
    await waitFor(
      "scheduler ready",
      () =>
        h.store
          .list(R.pods, "airflow")
          .find((p) => p.metadata.name.startsWith("airflow-scheduler-") && cond(p, "Ready")?.status === "True"),
      20_000,
    );
  });
});
