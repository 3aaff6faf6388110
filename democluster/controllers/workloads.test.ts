import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { apply, cond, events, patchSpec, sleep, startHarness, waitFor, type Harness } from "./test-harness";
import { FERNET, ns, opaqueSecret } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

const podsOf = (prefix: string, namespace = "apps"): KObject[] =>
  h.store.list(R.pods, namespace).filter((p) => p.metadata.name.startsWith(prefix));
const readyPods = (prefix: string): KObject[] => podsOf(prefix).filter((p) => cond(p, "Ready")?.status === "True");
const waiting = (pod: KObject | undefined, container: string): { reason?: string; message?: string } | undefined =>
  pod?.status?.containerStatuses?.find((c: { name: string }) => c.name === container)?.state?.waiting;

function deployment(
  name: string,
  replicas: number,
  container: Record<string, unknown>,
  template: Record<string, unknown> = {},
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "apps" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "main", image: "nginx:1.27", ...container }] },
        ...template,
      },
    },
  };
}

function statefulSet(name: string, replicas: number, updateStrategy: Record<string, unknown>): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name, namespace: "apps" },
    spec: {
      replicas,
      serviceName: name,
      podManagementPolicy: "Parallel",
      updateStrategy,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "main", image: "redis:7.2" }] } },
    },
  };
}

const restart = (key: typeof R.deployments, name: string, at: string): void => {
  h.store.mutate(
    key,
    "apps",
    name,
    (o) => {
      o.spec.template.metadata.annotations = {
        ...(o.spec.template.metadata.annotations ?? {}),
        "kubectl.kubernetes.io/restartedAt": at,
      };
    },
    { fieldManager: "kubectl-rollout" },
  );
};

describe("workload controllers and kubelet", () => {
  it("keeps pods in CreateContainerConfigError while a referenced Secret is missing and starts them when it appears", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("apps"),
      deployment("web", 1, { env: [{ name: "DB", valueFrom: { secretKeyRef: { name: "db", key: "url" } } }] }),
    ]);
    const pod = await waitFor("config error", () =>
      podsOf("web-").find((p) => waiting(p, "main")?.reason === "CreateContainerConfigError"),
    );
    expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", name: "web", controller: true });
    expect(waiting(pod, "main")?.message).toBe('secret "db" not found');
    expect(pod.status.phase).toBe("Pending");
    await waitFor("Failed event", () =>
      events(h.store, "Pod", pod.metadata.name, "Failed").find((e) => e.message === 'Error: secret "db" not found'),
    );
    apply(h.store, [opaqueSecret("db", "apps", { other: "x" })]);
    await waitFor(
      "missing key",
      () => waiting(podsOf("web-")[0], "main")?.message === "couldn't find key url in Secret apps/db",
    );
    h.store.mutate(
      R.secrets,
      "apps",
      "db",
      (s) => ((s.data as Record<string, string>).url = Buffer.from("postgresql://x").toString("base64")),
      { fieldManager: "kubectl-edit" },
    );
    const running = await waitFor("ready", () => readyPods("web-")[0]);
    expect(running.status.phase).toBe("Running");
    expect(running.status.containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0 });
    await waitFor(
      "deployment available",
      () => cond(h.store.get(R.deployments, "apps", "web"), "Available")?.status === "True",
    );
  });

  it("crash-loops Airflow containers whose database password is wrong, with restarts and logs", async () => {
    h = await startHarness();
    h.sim.databaseSetPassword?.("db.prod.internal", "airflow", "right");
    apply(h.store, [
      ns("apps"),
      opaqueSecret("meta", "apps", {
        connection: "postgresql://airflow:wrong@db.prod.internal:5432/airflow",
        fernet: FERNET,
      }),
      deployment("scheduler", 1, {
        name: "scheduler",
        image: "apache/airflow:3.0.2",
        env: [
          {
            name: "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN",
            valueFrom: { secretKeyRef: { name: "meta", key: "connection" } },
          },
          { name: "AIRFLOW__CORE__FERNET_KEY", valueFrom: { secretKeyRef: { name: "meta", key: "fernet" } } },
        ],
      }),
    ]);
    const pod = await waitFor("crash loop", () =>
      podsOf("scheduler-").find((p) => waiting(p, "scheduler")?.reason === "CrashLoopBackOff"),
    );
    const cs = pod.status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(waiting(pod, "scheduler")?.message).toMatch(
      /^back-off 10s restarting failed container=scheduler pod=scheduler-/,
    );
    const lines = h.sim.logs.lines("apps", pod.metadata.name, "scheduler") ?? [];
    expect(lines.some((l) => l.includes('FATAL:  password authentication failed for user "airflow"'))).toBe(true);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z /);
    await waitFor("BackOff event", () => events(h.store, "Pod", pod.metadata.name, "BackOff")[0]);
    await waitFor(
      "second restart",
      () => (podsOf("scheduler-")[0]?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 2,
      5000,
    );

    // Fix the database password: the next restart succeeds.
    h.sim.databaseSetPassword?.("db.prod.internal", "airflow", "wrong");
    await waitFor("recovered", () => readyPods("scheduler-")[0], 10_000);
  });

  it("rolls Deployment pods one by one on a restartedAt change and reports rollout status", async () => {
    h = await startHarness();
    apply(h.store, [ns("apps"), deployment("api", 2, {})]);
    await waitFor(
      "2 ready",
      () =>
        readyPods("api-").length === 2 && h.store.get(R.deployments, "apps", "api")?.status?.availableReplicas === 2,
    );
    const before = podsOf("api-").map((p) => p.metadata.name);
    restart(R.deployments, "api", "2025-06-13T10:00:00Z");
    let maxPods = 0;
    let minReady = 2;
    const done = await waitFor(
      "rolled out",
      () => {
        const pods = podsOf("api-");
        maxPods = Math.max(maxPods, pods.length);
        minReady = Math.min(minReady, pods.filter((p) => cond(p, "Ready")?.status === "True").length);
        const d = h.store.get(R.deployments, "apps", "api");
        return d &&
          d.status.observedGeneration === 2 &&
          d.status.updatedReplicas === 2 &&
          d.status.replicas === 2 &&
          d.status.availableReplicas === 2 &&
          pods.every((p) => !before.includes(p.metadata.name))
          ? d
          : undefined;
      },
      10_000,
      5,
    );
    expect(maxPods).toBeLessThanOrEqual(3); // maxSurge 25% of 2 -> 1
    expect(minReady).toBeGreaterThanOrEqual(2); // maxUnavailable 25% of 2 -> 0
    expect(cond(done, "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable" });
    expect(cond(done, "Available")?.status).toBe("True");
    const scaling = events(h.store, "Deployment", "api", "ScalingReplicaSet").map((e) => e.message);
    expect(scaling.some((m) => /^Scaled up replica set api-\w{10} from 0 to 1$/.test(String(m)))).toBe(true);
    expect(scaling.some((m) => /^Scaled down replica set api-\w{10} from 1 to 0$/.test(String(m)))).toBe(true);
  });

  it("rolls StatefulSets from the highest ordinal, honours partition, and never rolls OnDelete", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("apps"),
      statefulSet("db", 3, { type: "RollingUpdate", rollingUpdate: { partition: 1 } }),
      statefulSet("cache", 2, { type: "OnDelete" }),
    ]);
    await waitFor("all ready", () => readyPods("db-").length === 3 && readyPods("cache-").length === 2);
    const uidOf = (name: string): string | undefined => h.store.get(R.pods, "apps", name)?.metadata.uid;
    const db0 = uidOf("db-0");
    const cache = [uidOf("cache-0"), uidOf("cache-1")];
    restart(R.statefulsets, "db", "2025-06-13T10:00:00Z");
    restart(R.statefulsets, "cache", "2025-06-13T10:00:00Z");
    const db = await waitFor(
      "partitioned rollout",
      () => {
        const s = h.store.get(R.statefulsets, "apps", "db");
        return s?.status?.updatedReplicas === 2 && s.status.readyReplicas === 3 ? s : undefined;
      },
      10_000,
    );
    expect(db.status.updateRevision).not.toBe(db.status.currentRevision);
    expect(h.store.get(R.pods, "apps", "db-2")?.metadata.labels?.["controller-revision-hash"]).toBe(
      db.status.updateRevision,
    );
    expect(uidOf("db-0")).toBe(db0);
    await sleep(300);
    expect([uidOf("cache-0"), uidOf("cache-1")]).toEqual(cache);
    const cacheSts = h.store.get(R.statefulsets, "apps", "cache");
    expect(cacheSts?.status?.updateRevision).not.toBe(cacheSts?.status?.currentRevision);
    h.store.delete(R.pods, "apps", "cache-1");
    await waitFor("recreated at new revision", () => {
      const p = h.store.get(R.pods, "apps", "cache-1");
      return (
        p &&
        p.metadata.uid !== cache[1] &&
        p.metadata.labels?.["controller-revision-hash"] ===
          h.store.get(R.statefulsets, "apps", "cache")?.status?.updateRevision
      );
    });
    patchSpec(
      h.store,
      R.statefulsets,
      "apps",
      "db",
      (s) => ((s.updateStrategy as Record<string, unknown>).rollingUpdate = { partition: 0 }),
    );
    await waitFor(
      "rollout complete",
      () => {
        const s = h.store.get(R.statefulsets, "apps", "db");
        return (
          s?.status?.currentRevision === s?.status?.updateRevision &&
          s?.status?.updatedReplicas === 3 &&
          s?.status?.readyReplicas === 3
        );
      },
      10_000,
    );
  });

  it("runs Jobs to completion and streams logs of running containers", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("apps"),
      {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: { name: "migrate", namespace: "apps" },
        spec: {
          backoffLimit: 2,
          template: {
            spec: {
              restartPolicy: "Never",
              containers: [{ name: "run-airflow-migrations", image: "apache/airflow:3.0.2" }],
            },
          },
        },
      },
      deployment("scheduler", 1, { name: "scheduler", image: "apache/airflow:3.0.2" }),
    ]);
    const job = await waitFor(
      "job complete",
      () =>
        cond(h.store.get(R.jobs, "apps", "migrate"), "Complete")?.status === "True"
          ? h.store.get(R.jobs, "apps", "migrate")
          : undefined,
      10_000,
    );
    expect(job.status).toMatchObject({ succeeded: 1 });
    expect(job.status.completionTime).toBeTruthy();
    const jobPod = h.store.list(R.pods, "apps").find((p) => p.metadata.labels?.["job-name"] === "migrate") as KObject;
    expect(jobPod.status.phase).toBe("Succeeded");
    expect(
      (h.sim.logs.lines("apps", jobPod.metadata.name, "run-airflow-migrations") ?? []).some((l) =>
        l.endsWith("Database migrating done!"),
      ),
    ).toBe(true);

    const pod = await waitFor("scheduler ready", () => readyPods("scheduler-")[0]);
    const lines = h.sim.logs.lines("apps", pod.metadata.name, "scheduler") ?? [];
    expect(lines.some((l) => l.includes("Starting the scheduler"))).toBe(true);
    expect(h.sim.logs.lines("apps", pod.metadata.name, "nope")).toBeUndefined();
    expect(h.sim.logs.lines("apps", "no-such-pod", "scheduler")).toBeUndefined();
    const followed: string[] = [];
    const stop = h.sim.logs.follow("apps", pod.metadata.name, "scheduler", (l) => followed.push(l));
    await waitFor("followed lines", () => followed.length >= 2, 5000);
    stop();
    expect(followed.every((l) => !lines.includes(l))).toBe(true);
  });
});
