import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { apply, cond, events, patchSpec, startHarness, waitFor, type Harness } from "./test-harness";
import { airflowRelease, airflowSecrets, airflowValues, helmRepository, ns } from "./test-fixtures";
import { releaseHelpers } from "./helm-release-test-support";

let h: Harness;
afterEach(async () => h?.stop());
const { hr, readyHr, installHealthy } = releaseHelpers(() => h);

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
