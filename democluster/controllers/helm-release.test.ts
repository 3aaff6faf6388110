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
    // The manifest of chart 1.18.0 for these values (templates under charts/airflow/1.18.0/templates/): every
    // Secret is named in the values or is a hook (redis-secrets.yaml), so the inventory holds no Secret.
    const ids: string[] = obj.status.inventory.entries.map((e: { id: string }) => e.id);
    expect(ids).toEqual([
      "airflow_airflow-api-server__Service", // api-server/api-server-service.yaml:27
      "airflow_airflow-api-server__ServiceAccount", // api-server/api-server-serviceaccount.yaml:28
      "airflow_airflow-api-server_apps_Deployment", // api-server/api-server-deployment.yaml:36
      "airflow_airflow-config__ConfigMap", // configmaps/configmap.yaml:26
      "airflow_airflow-create-user-job__ServiceAccount", // jobs/create-user-job-serviceaccount.yaml:28
      "airflow_airflow-dag-processor__ServiceAccount", // dag-processor/dag-processor-serviceaccount.yaml:33
      "airflow_airflow-dag-processor_apps_Deployment", // dag-processor/dag-processor-deployment.yaml:42
      "airflow_airflow-migrate-database-job__ServiceAccount", // jobs/migrate-database-job-serviceaccount.yaml:28
      "airflow_airflow-scheduler__ServiceAccount", // scheduler/scheduler-serviceaccount.yaml:30
      "airflow_airflow-scheduler_apps_Deployment", // scheduler/scheduler-deployment.yaml:53
      "airflow_airflow-statsd__ConfigMap", // configmaps/statsd-configmap.yaml:27
      "airflow_airflow-statsd__Service", // statsd/statsd-service.yaml:27
      "airflow_airflow-statsd__ServiceAccount", // statsd/statsd-serviceaccount.yaml:28
      "airflow_airflow-statsd_apps_Deployment", // statsd/statsd-deployment.yaml:35
      "airflow_airflow-triggerer__Service", // triggerer/triggerer-service.yaml:29
      "airflow_airflow-triggerer__ServiceAccount", // triggerer/triggerer-serviceaccount.yaml:29
      "airflow_airflow-triggerer_apps_StatefulSet", // triggerer/triggerer-deployment.yaml:40-42
      "airflow_airflow-worker__ServiceAccount", // workers/worker-serviceaccount.yaml (task pods' account)
    ]);

    const sched = h.store.get(R.deployments, "airflow", "airflow-scheduler") as KObject;
    // scheduler/scheduler-deployment.yaml:54-60 (+ helm-controller's post-renderer and Helm's managed-by label).
    expect(sched.metadata.labels).toEqual({
      tier: "airflow",
      component: "scheduler",
      release: "airflow",
      chart: "airflow-1.18.0",
      heritage: "Helm",
      executor: "KubernetesExecutor",
      "helm.toolkit.fluxcd.io/name": "airflow",
      "helm.toolkit.fluxcd.io/namespace": "airflow",
      "app.kubernetes.io/managed-by": "Helm",
    });
    expect(sched.metadata.annotations).toMatchObject({
      "meta.helm.sh/release-name": "airflow",
      "meta.helm.sh/release-namespace": "airflow",
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
    expect(h.store.get(R.configmaps, "airflow", "airflow-config")).toBeTruthy();
    const storage = h.store.get(R.secrets, "airflow", "sh.helm.release.v1.airflow.v1");
    expect(storage?.type).toBe("helm.sh/release.v1");
    expect(storage?.metadata.labels).toMatchObject({
      owner: "helm",
      name: "airflow",
      status: "deployed",
      version: "1",
    });
    // Post-install hooks ran and were deleted (hook-succeeded): jobs/migrate-database-job.yaml:46-48,
    // jobs/create-user-job.yaml:46-48.
    expect(h.store.get(R.jobs, "airflow", "airflow-run-airflow-migrations")).toBeUndefined();
    expect(h.store.get(R.jobs, "airflow", "airflow-create-user")).toBeUndefined();
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

  it("refuses values the chart schema forbids like Helm: no revision stored, retried with backoff, never stalled", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      airflowRelease("airflow", "airflow", {
        executor: "KubernetesExecutor",
        data: { metadataConnection: { existingSecret: "airflow-postgresql-secret", existingSecretKey: "password" } },
      }),
    ]);
    const obj = await waitFor(
      "refused twice",
      () => (cond(hr(), "Ready") && (hr()?.status?.failures ?? 0) >= 2 ? hr() : undefined),
      15_000,
    );
    // charts/airflow/1.18.0/values.schema.json: data.metadataConnection has additionalProperties false; the text is
    // Helm 4's (pkg/chart/common/util/values.go, santhosh-tekuri/jsonschema output), trimmed by helm-controller.
    expect(cond(obj, "Ready")).toMatchObject({
      status: "False",
      reason: "InstallFailed",
      message:
        "Helm install failed for release airflow/airflow with chart airflow@1.18.0: values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- at '/data/metadataConnection': additional properties 'existingSecret', 'existingSecretKey' not allowed",
    });
    expect(cond(obj, "Stalled")).toBeUndefined();
    expect(obj.status.installFailures).toBeUndefined();
    expect(obj.status.history ?? []).toHaveLength(0);
    expect(h.store.list(R.secrets, "airflow").filter((s) => s.type === "helm.sh/release.v1")).toHaveLength(0);

    // Fixing the values installs.
    patchSpec(h.store, R.helmreleases, "airflow", "airflow", (s) => {
      s.values = {
        executor: "KubernetesExecutor",
        postgresql: { enabled: false },
        data: { metadataSecretName: "airflow-metadata" },
      };
    });
    apply(h.store, [metadataSecret("airflow")]);
    const fixed = await waitFor("installed after fix", () => readyHr(), 20_000);
    expect(fixed.status.history[0]).toMatchObject({ version: 1, status: "deployed" });
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
