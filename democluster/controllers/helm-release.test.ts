import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import {
  annotate,
  apply,
  cond,
  events,
  patchSpec,
  sleep,
  startHarness,
  token,
  waitFor,
  type Harness,
} from "./test-harness";
import { airflowRelease, airflowSecrets, airflowValues, helmRepository, metadataSecret, ns } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

const hr = (name = "airflow", namespace = "airflow"): KObject | undefined =>
  h.store.get(R.helmreleases, namespace, name);
const readyHr = (name = "airflow", namespace = "airflow"): KObject | undefined => {
  const o = hr(name, namespace);
  return cond(o, "Ready")?.status === "True" && o?.status?.observedGeneration === o?.metadata.generation
    ? o
    : undefined;
};
const stalled = (name = "airflow", namespace = "airflow"): KObject | undefined =>
  cond(hr(name, namespace), "Stalled")?.status === "True" ? hr(name, namespace) : undefined;

async function installHealthy(values = airflowValues()): Promise<KObject> {
  apply(h.store, [
    ns("airflow"),
    helmRepository(),
    ...airflowSecrets("airflow"),
    airflowRelease("airflow", "airflow", values),
  ]);
  return waitFor("install", () => readyHr(), 15_000);
}

function request(fields: { reset?: boolean; force?: boolean; resetToken?: string } = {}): string {
  const t = token();
  const ann: Record<string, string> = { "reconcile.fluxcd.io/requestedAt": t };
  if (fields.reset) ann["reconcile.fluxcd.io/resetAt"] = fields.resetToken ?? t;
  if (fields.force) ann["reconcile.fluxcd.io/forceAt"] = t;
  annotate(h.store, R.helmreleases, "airflow", "airflow", ann, "flux");
  return t;
}

describe("helm-controller", () => {
  it("installs an Airflow 3 release: workloads, labels, secret refs, status, history, inventory", async () => {
    h = await startHarness();
    const obj = await installHealthy();
    expect(cond(obj, "Ready")).toMatchObject({
      reason: "InstallSucceeded",
      message: "Helm install succeeded for release airflow/airflow.v1 with chart airflow@1.18.0",
    });
    expect(cond(obj, "Released")?.status).toBe("True");
    expect(cond(obj, "Reconciling")).toBeUndefined();
    expect(obj.status).toMatchObject({
      lastAttemptedRevision: "1.18.0",
      lastAttemptedGeneration: 1,
      lastAttemptedReleaseAction: "install",
      helmChart: "flux-system/airflow-airflow",
      storageNamespace: "airflow",
    });
    expect(obj.status.lastAttemptedConfigDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(obj.status.failures).toBeUndefined();
    expect(obj.status.history).toHaveLength(1);
    expect(obj.status.history[0]).toMatchObject({
      chartName: "airflow",
      chartVersion: "1.18.0",
      appVersion: "3.0.2",
      status: "deployed",
      version: 1,
      name: "airflow",
      namespace: "airflow",
      configDigest: obj.status.lastAttemptedConfigDigest,
    });
    const ids: string[] = obj.status.inventory.entries.map((e: { id: string }) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "airflow_airflow-scheduler_apps_Deployment",
        "airflow_airflow-api-server_apps_Deployment",
        "airflow_airflow-triggerer_apps_StatefulSet",
        "airflow_airflow-dag-processor_apps_Deployment",
        "airflow_airflow-statsd_apps_Deployment",
        "airflow_airflow-airflow-config__ConfigMap",
      ]),
    );
    expect(
      ids.some(
        (i) =>
          i.includes("pgbouncer") ||
          i.includes("webserver") ||
          i.includes("worker") ||
          i.includes("redis") ||
          i.endsWith("PodDisruptionBudget"),
      ),
    ).toBe(false);

    const sched = h.store.get(R.deployments, "airflow", "airflow-scheduler") as KObject;
    expect(sched.metadata.labels).toMatchObject({
      tier: "airflow",
      component: "scheduler",
      release: "airflow",
      "helm.toolkit.fluxcd.io/name": "airflow",
      "helm.toolkit.fluxcd.io/namespace": "airflow",
      "app.kubernetes.io/managed-by": "Helm",
    });
    expect(sched.spec.replicas).toBe(1);
    const env = sched.spec.template.spec.containers[0].env as {
      name: string;
      valueFrom?: { secretKeyRef?: { name: string; key: string } };
    }[];
    const ref = (n: string): unknown => env.find((e) => e.name === n)?.valueFrom?.secretKeyRef;
    expect(ref("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN")).toEqual({ name: "airflow-metadata", key: "connection" });
    expect(ref("AIRFLOW__CORE__FERNET_KEY")).toEqual({ name: "airflow-fernet-key", key: "fernet-key" });
    expect(ref("AIRFLOW__API__SECRET_KEY")).toEqual({ name: "airflow-api-secret", key: "api-secret-key" });
    expect(ref("AIRFLOW__API_AUTH__JWT_SECRET")).toEqual({ name: "airflow-jwt-secret", key: "jwt-secret" });
    const pods = h.store.list(R.pods, "airflow");
    expect(
      pods.filter((p) => p.metadata.labels?.component === "scheduler" && cond(p, "Ready")?.status === "True"),
    ).toHaveLength(1);
    expect(h.store.get(R.configmaps, "airflow", "airflow-airflow-config")).toBeTruthy();
    const storage = h.store.get(R.secrets, "airflow", "sh.helm.release.v1.airflow.v1");
    expect(storage?.type).toBe("helm.sh/release.v1");
    expect(storage?.metadata.labels).toMatchObject({
      owner: "helm",
      name: "airflow",
      status: "deployed",
      version: "1",
    });
    expect(h.store.get(R.jobs, "airflow", "airflow-run-airflow-migrations")).toBeUndefined(); // hook-succeeded
    expect(events(h.store, "HelmRelease", "airflow", "InstallSucceeded")).toHaveLength(1);
  });

  it("renders git-sync, Celery and Airflow 2 naming from values", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow"),
      {
        apiVersion: "v1",
        kind: "Secret",
        metadata: { name: "git-ssh", namespace: "airflow" },
        data: { gitSshKey: "a2V5" },
      },
      airflowRelease(
        "airflow",
        "airflow",
        airflowValues({
          executor: "CeleryExecutor",
          dags: {
            gitSync: { enabled: true, repo: "git@github.com:acme/dags.git", branch: "main", sshKeySecret: "git-ssh" },
          },
        }),
      ),
    ]);
    await waitFor("install", () => readyHr(), 15_000);
    const dp = h.store.get(R.deployments, "airflow", "airflow-dag-processor") as KObject;
    const names = dp.spec.template.spec.containers.map((c: { name: string }) => c.name);
    expect(names).toContain("git-sync");
    expect(dp.spec.template.spec.initContainers.map((c: { name: string }) => c.name)).toContain("git-sync-init");
    expect(dp.spec.template.spec.volumes).toContainEqual({
      name: "git-sync-ssh-key",
      secret: { secretName: "git-ssh", defaultMode: 288 },
    });
    expect(h.store.get(R.statefulsets, "airflow", "airflow-worker")).toBeTruthy();
    expect(h.store.get(R.statefulsets, "airflow", "airflow-redis")).toBeTruthy();

    apply(h.store, [
      ns("legacy"),
      ...airflowSecrets("legacy"),
      {
        ...airflowRelease("airflow2", "legacy", {
          executor: "KubernetesExecutor",
          postgresql: { enabled: false },
          data: { metadataSecretName: "airflow-metadata" },
          fernetKeySecretName: "airflow-fernet-key",
        }),
        spec: {
          ...airflowRelease("x", "y", {}).spec,
          chart: {
            spec: {
              chart: "airflow",
              version: "1.16.0",
              sourceRef: { kind: "HelmRepository", name: "apache-airflow", namespace: "flux-system" },
            },
          },
          values: {
            executor: "KubernetesExecutor",
            postgresql: { enabled: false },
            data: { metadataSecretName: "airflow-metadata" },
            fernetKeySecretName: "airflow-fernet-key",
          },
        },
      },
    ]);
    await waitFor("airflow 2 install", () => readyHr("airflow2", "legacy"), 15_000);
    expect(h.store.get(R.deployments, "legacy", "airflow2-webserver")).toBeTruthy();
    expect(h.store.get(R.deployments, "legacy", "airflow2-api-server")).toBeUndefined();
    expect(h.store.get(R.secrets, "legacy", "airflow2-webserver-secret-key")).toBeTruthy(); // chart-generated when no name given
  });

  it("fails installs while the metadata Secret is missing, retries, then stalls with RetriesExceeded", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow", { metadata: false }),
      airflowRelease("airflow", "airflow", airflowValues(), { install: { remediation: { retries: 3 } } }),
    ]);
    const obj = await waitFor("stalled", () => stalled(), 20_000);
    expect(obj.status).toMatchObject({ failures: 4, installFailures: 4 });
    expect(obj.status.upgradeFailures).toBeUndefined();
    expect(cond(obj, "Stalled")).toMatchObject({
      reason: "RetriesExceeded",
      message: "Failed to install after 4 attempt(s)",
    });
    expect(cond(obj, "Ready")).toMatchObject({ status: "False", reason: "InstallFailed" });
    expect(cond(obj, "Ready")?.message).toMatch(
      /^Helm install failed for release airflow\/airflow with chart airflow@1\.18\.0: context deadline exceeded: .*secret "airflow-metadata" not found/,
    );
    expect(cond(obj, "Reconciling")).toBeUndefined();
    expect(obj.status.history[0]).toMatchObject({ status: "failed", chartVersion: "1.18.0" });
    expect(
      events(h.store, "HelmRelease", "airflow")
        .filter((e) => e.reason === "InstallFailed")
        .reduce((n, e) => n + (e.count as number), 0),
    ).toBe(4);
    // Remediation (uninstall) removed the release's workloads.
    await waitFor("uninstalled", () => !h.store.get(R.deployments, "airflow", "airflow-scheduler"));

    // No further retries: counters stay, even a plain requestedAt does not clear them.
    await sleep(500);
    const t = request();
    const after = await waitFor("requestedAt handled", () =>
      hr()?.status?.lastHandledReconcileAt === t ? hr() : undefined,
    );
    expect(after.status).toMatchObject({ failures: 4, installFailures: 4 });
    expect(cond(after, "Stalled")?.status).toBe("True");
  });

  it("honours resetAt and forceAt only when they equal requestedAt; reset clears counters and recovers", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow", { metadata: false }),
      airflowRelease("airflow", "airflow", airflowValues(), { install: { remediation: { retries: 1 } } }),
    ]);
    await waitFor("stalled", () => stalled(), 20_000);
    expect(hr()?.status).toMatchObject({ failures: 2, installFailures: 2 });

    // resetAt differs from requestedAt: ignored.
    const t1 = request({ reset: true, resetToken: "not-the-token" });
    await waitFor("handled", () => hr()?.status?.lastHandledReconcileAt === t1);
    expect(hr()?.status?.lastHandledResetAt).toBeUndefined();
    expect(hr()?.status?.failures).toBe(2);

    // The Secret appears; nothing happens until a reset (Stalled is terminal).
    apply(h.store, [metadataSecret("airflow")]);
    await sleep(400);
    expect(cond(hr(), "Stalled")?.status).toBe("True");

    const t2 = request({ reset: true });
    const mid = await waitFor("reset handled", () => (hr()?.status?.lastHandledResetAt === t2 ? hr() : undefined));
    expect(mid.status.failures).toBeUndefined();
    expect(cond(mid, "Stalled")).toBeUndefined();
    const ok = await waitFor("recovered", () => readyHr(), 15_000);
    expect(ok.status.lastHandledReconcileAt).toBe(t2);
    expect(cond(ok, "Ready")?.reason).toBe("InstallSucceeded");
    expect(ok.status.history[0]).toMatchObject({ status: "deployed" });

    // forceAt equal to requestedAt runs an upgrade of an in-sync release; a mismatched one does not.
    const t3 = token();
    annotate(
      h.store,
      R.helmreleases,
      "airflow",
      "airflow",
      { "reconcile.fluxcd.io/requestedAt": t3, "reconcile.fluxcd.io/forceAt": "other" },
      "flux",
    );
    await waitFor("handled t3", () => hr()?.status?.lastHandledReconcileAt === t3);
    expect(hr()?.status?.lastHandledForceAt).toBeUndefined();
    expect(hr()?.status?.history).toHaveLength(1);
    const t4 = request({ force: true });
    const forced = await waitFor(
      "forced upgrade",
      () =>
        hr()?.status?.lastHandledForceAt === t4 && readyHr() && hr()?.status?.history?.[0]?.version === 2
          ? hr()
          : undefined,
      15_000,
    );
    expect(cond(forced, "Ready")?.reason).toBe("UpgradeSucceeded");
    expect(forced.status.history.map((s: { status: string }) => s.status)).toEqual(["deployed", "superseded"]);
  });

  it("upgrades on a values change: scheduler replicas, PDBs, PgBouncer on and off", async () => {
    h = await startHarness();
    await installHealthy();
    expect(h.store.list(R.pdbs, "airflow")).toHaveLength(0);
    patchSpec(h.store, R.helmreleases, "airflow", "airflow", (s) => {
      const v = s.values as Record<string, unknown>;
      v.scheduler = { replicas: 2, podDisruptionBudget: { enabled: true } };
      v.apiServer = { podDisruptionBudget: { enabled: true } };
      v.pgbouncer = { enabled: true };
    });
    const up = await waitFor(
      "upgrade",
      () => (readyHr() && hr()?.status?.history?.[0]?.version === 2 ? hr() : undefined),
      15_000,
    );
    expect(cond(up, "Ready")?.message).toBe(
      "Helm upgrade succeeded for release airflow/airflow.v2 with chart airflow@1.18.0",
    );
    expect(up.status.lastAttemptedGeneration).toBe(2);
    expect(h.store.get(R.deployments, "airflow", "airflow-scheduler")?.spec.replicas).toBe(2);
    await waitFor(
      "2 ready schedulers",
      () => h.store.get(R.deployments, "airflow", "airflow-scheduler")?.status?.readyReplicas === 2,
    );
    const pdb = await waitFor("scheduler pdb status", () => {
      const p = h.store.get(R.pdbs, "airflow", "airflow-scheduler-pdb");
      return p?.status?.currentHealthy === 2 ? p : undefined;
    });
    expect(pdb.spec).toMatchObject({
      maxUnavailable: 1,
      selector: { matchLabels: { tier: "airflow", component: "scheduler", release: "airflow" } },
    });
    expect(pdb.status).toMatchObject({ expectedPods: 2, desiredHealthy: 1, disruptionsAllowed: 1 });
    expect(h.store.get(R.pdbs, "airflow", "airflow-api-server-pdb")).toBeTruthy();
    expect(h.store.get(R.deployments, "airflow", "airflow-pgbouncer")).toBeTruthy();
    expect(h.store.get(R.secrets, "airflow", "airflow-pgbouncer-config")).toBeTruthy();

    patchSpec(h.store, R.helmreleases, "airflow", "airflow", (s) => {
      (s.values as Record<string, unknown>).pgbouncer = { enabled: false };
    });
    await waitFor("upgrade 3", () => readyHr() && hr()?.status?.history?.[0]?.version === 3, 15_000);
    await waitFor("pgbouncer removed", () => !h.store.get(R.deployments, "airflow", "airflow-pgbouncer"));
  });

  it("rejects invalid values with the chart schema error and stalls after one attempt (retries default 0)", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      airflowRelease("airflow", "airflow", {
        executor: "KubernetesExecutor",
        data: { metadataConnection: { existingSecret: "airflow-postgresql-secret", existingSecretKey: "password" } },
      }),
    ]);
    const obj = await waitFor("stalled", () => stalled(), 15_000);
    expect(cond(obj, "Ready")?.message).toBe(
      "Helm install failed for release airflow/airflow with chart airflow@1.18.0: values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- data.metadataConnection: Additional property existingSecret is not allowed\n- data.metadataConnection: Additional property existingSecretKey is not allowed",
    );
    expect(cond(obj, "Stalled")?.message).toBe("Failed to install after 1 attempt(s)");
    expect(obj.status).toMatchObject({ failures: 1, installFailures: 1 });
    expect(obj.status.history ?? []).toHaveLength(0);

    // Fixing the values (generation change) resets the counters and installs.
    patchSpec(h.store, R.helmreleases, "airflow", "airflow", (s) => {
      s.values = {
        executor: "KubernetesExecutor",
        postgresql: { enabled: false },
        data: { metadataSecretName: "airflow-metadata" },
      };
    });
    apply(h.store, [metadataSecret("airflow")]);
    const fixed = await waitFor("installed after fix", () => readyHr(), 15_000);
    expect(fixed.status.failures).toBeUndefined();
  });

  it("uninstalls on deletion: workloads, release storage and the templated HelmChart go away", async () => {
    h = await startHarness();
    await installHealthy();
    expect(h.store.get(R.helmcharts, "flux-system", "airflow-airflow")).toBeTruthy();
    h.store.delete(R.helmreleases, "airflow", "airflow");
    await waitFor("release gone", () => !hr());
    await waitFor(
      "workloads gone",
      () =>
        !h.store.get(R.deployments, "airflow", "airflow-scheduler") &&
        !h.store.get(R.statefulsets, "airflow", "airflow-triggerer"),
    );
    await waitFor("helm chart gone", () => !h.store.get(R.helmcharts, "flux-system", "airflow-airflow"));
    expect(h.store.get(R.secrets, "airflow", "sh.helm.release.v1.airflow.v1")).toBeUndefined();
    expect(h.store.get(R.secrets, "airflow", "airflow-metadata")).toBeTruthy(); // not part of the release
  });
});
