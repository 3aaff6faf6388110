// Naming rules and workload kinds beyond the version × mode grid (naming-1.1x.test.ts). Each expectation cites the
// template of charts/airflow/<version>/templates it comes from.
import { describe, expect, it } from "vitest";
import { chartNames } from "./naming";
import { honoursValue } from "./versions";

const names = (chartVersion: string, values: Record<string, unknown>, release = "prod") =>
  chartNames({ release, namespace: "airflow", chartVersion, values });

describe("airflow.fullname and airflow.serviceAccountName", () => {
  it.each([
    // _helpers.yaml:26-27: without useStandardNaming the fullname is the release name, whatever the overrides;
    // _helpers.yaml:41-42: the ServiceAccount prefix takes fullnameOverride even then.
    ["fullnameOverride alone", { fullnameOverride: "af-main" }, "prod", "prod", "af-main-scheduler"],
    // _helpers.yaml:31-35: <release>-<nameOverride>; _helpers.yaml:44-48 likewise for ServiceAccounts.
    ["nameOverride + useStandardNaming", { useStandardNaming: true, nameOverride: "flow" }, "prod", "prod-flow", "prod-flow-scheduler"],
    ["nameOverride alone", { nameOverride: "flow" }, "prod", "prod", "prod-flow-scheduler"],
    // _helpers.yaml:32-33: a release name that contains the chart name ("airflow") is used alone.
    ["release contains airflow", { useStandardNaming: true }, "airflow-prod", "airflow-prod", "airflow-prod-scheduler"],
    ["release contains airflow (substring)", { useStandardNaming: true }, "myairflowx", "myairflowx", "myairflowx-scheduler"],
    // _helpers.yaml:29: `trunc 63 | trimSuffix "-"` (64 characters → 63 → trailing "-" dropped).
    ["long fullnameOverride", { useStandardNaming: true, fullnameOverride: `${"a".repeat(62)}-b` }, "prod", "a".repeat(62), `${"a".repeat(62)}-scheduler`],
  ])("%s (1.18.0)", (_label, values, release, fullname, schedulerSa) => {
    const n = names("1.18.0", values, release);
    expect(n.fullname).toBe(fullname);
    expect(n.configMap).toBe(`${fullname}-config`); // _helpers.yaml:623
    expect(n.serviceAccounts.scheduler).toBe(schedulerSa); // _helpers.yaml:672 via _serviceAccountName :643
  });

  it("a ServiceAccount not created is `default` unless named (_helpers.yaml:607-614 of 1.16.0)", () => {
    const n = names("1.16.0", {
      scheduler: { serviceAccount: { create: false } },
      statsd: { serviceAccount: { create: false, name: "metrics" } },
      workers: { serviceAccount: { name: "celery-sa" } },
    });
    expect(n.serviceAccounts.scheduler).toBe("default");
    expect(n.serviceAccounts.statsd).toBe("metrics");
    expect(n.serviceAccounts.worker).toBe("celery-sa");
  });
});

describe("workload kinds and presence", () => {
  it.each([
    // scheduler/scheduler-deployment.yaml:25-30 (1.18.0): StatefulSet only with a Local* executor + worker persistence;
    // workers/worker-deployment.yaml:26 and redis/redis-statefulset.yaml:23: Celery executors only.
    ["LocalExecutor", { executor: "LocalExecutor" }, { scheduler: "StatefulSet" }],
    ["LocalExecutor, no worker persistence", { executor: "LocalExecutor", workers: { persistence: { enabled: false } } }, { scheduler: "Deployment" }],
    ["LocalKubernetesExecutor", { executor: "LocalKubernetesExecutor" }, { scheduler: "StatefulSet" }],
    ["KubernetesExecutor", { executor: "KubernetesExecutor" }, { scheduler: "Deployment" }],
    ["CeleryKubernetesExecutor", { executor: "CeleryKubernetesExecutor" }, { scheduler: "Deployment", worker: "StatefulSet", redis: "StatefulSet" }],
    ["CeleryExecutor, no worker persistence", { workers: { persistence: { enabled: false } } }, { scheduler: "Deployment", worker: "Deployment", redis: "StatefulSet" }],
  ])("%s (1.18.0, Airflow 2)", (_label, values, kinds) => {
    const n = names("1.18.0", { airflowVersion: "2.10.5", ...values });
    const actual = Object.fromEntries(
      (["scheduler", "worker", "redis"] as const).flatMap((c) => (n.workloads[c] ? [[c, n.workloads[c]!.kind]] : [])),
    );
    expect(actual).toEqual(kinds);
  });

  it("1.19 reads workers.celery.persistence.enabled before workers.persistence.enabled (scheduler-deployment.yaml:28)", () => {
    const n = names("1.19.0", { executor: "LocalExecutor", workers: { celery: { persistence: { enabled: false } } } });
    expect(n.workloads.scheduler).toEqual({ kind: "Deployment", name: "prod-scheduler" });
  });

  it.each([
    // triggerer/triggerer-deployment.yaml:23-26 (1.16.0): Airflow ≥ 2.2, StatefulSet with persistence from 2.6.
    ["2.10.5", {}, "StatefulSet"],
    ["2.10.5", { triggerer: { persistence: { enabled: false } } }, "Deployment"],
    ["2.5.3", {}, "Deployment"],
    ["2.1.4", {}, undefined],
    ["2.10.5", { triggerer: { enabled: false } }, undefined],
  ])("triggerer with Airflow %s %j → %s (1.16.0)", (airflowVersion, values, kind) => {
    expect(names("1.16.0", { airflowVersion, ...values }).workloads.triggerer?.kind).toBe(kind);
  });

  it.each([
    // dag-processor/dag-processor-deployment.yaml:23-28 (1.17.0): `~` means on for Airflow ≥ 3; needs ≥ 2.3.
    ["3.0.2", undefined, true],
    ["3.0.2", false, false],
    ["2.10.5", undefined, false],
    ["2.10.5", true, true],
    ["2.2.5", true, false],
  ])("dag-processor with Airflow %s and enabled=%s → %s (1.17.0)", (airflowVersion, enabled, present) => {
    const values = enabled === undefined ? { airflowVersion } : { airflowVersion, dagProcessor: { enabled } };
    expect(Boolean(names("1.17.0", values).workloads["dag-processor"])).toBe(present);
  });

  it("1.19 apiServer.enabled: false removes the API server (api-server-deployment.yaml:23, api-server-service.yaml:23)", () => {
    const n = names("1.19.0", { apiServer: { enabled: false } });
    expect(n.workloads["api-server"]).toBeUndefined();
    expect(n.services.apiServer).toBeUndefined();
    expect(n.serviceAccounts["api-server"]).toBeUndefined();
    // _helpers.yaml:101-114: the env still reads both Secrets; secrets/*.yaml:23-24 no longer render them.
    expect(n.apiSecretKeySecret).toBe("prod-api-secret-key");
    expect(n.jwtSecretReferenced).toBe("prod-jwt-secret");
    expect(n.secrets.filter((s) => s.renderedName && /api-secret-key|jwt-secret/.test(s.renderedName))).toEqual([]);
  });

  it("1.16–1.18 do not know apiServer.enabled: Airflow 3 always gets the API server (api-server-deployment.yaml:23)", () => {
    // The 1.18 schema refuses the key (apiServer has additionalProperties: false), and no template reads it.
    expect(honoursValue("1.18", "apiServer.enabled")).toBe(false);
    expect(names("1.18.0", { apiServer: { enabled: false } }).workloads["api-server"]?.name).toBe("prod-api-server");
  });

  it("1.19 Celery worker sets (worker-deployment.yaml:27-31, :60; _helpers.yaml:710-714)", () => {
    const n = names("1.19.0", { useStandardNaming: true, workers: { celery: { sets: [{ name: "gpu", persistence: { enabled: false } }] } } });
    expect(n.workerSets).toEqual([
      { set: "default", kind: "StatefulSet", name: "prod-airflow-worker", serviceAccount: "prod-airflow-worker" },
      { set: "gpu", kind: "Deployment", name: "prod-airflow-worker-gpu", serviceAccount: "prod-airflow-worker-gpu" },
    ]);
    expect(n.workloads.worker).toEqual({ kind: "StatefulSet", name: "prod-airflow-worker" });
    const noDefault = names("1.19.0", { workers: { celery: { enableDefault: false, sets: [{ name: "gpu" }] } } });
    expect(noDefault.workloads.worker).toBeUndefined();
    expect(noDefault.workerSets.map((s) => `${s.kind} ${s.name}`)).toEqual(["StatefulSet prod-worker-gpu"]);
  });

  it("flower only with a Celery executor (flower/flower-deployment.yaml:23-24)", () => {
    expect(names("1.18.0", { flower: { enabled: true } }).workloads.flower).toEqual({ kind: "Deployment", name: "prod-flower" });
    expect(names("1.18.0", { flower: { enabled: true }, executor: "KubernetesExecutor" }).workloads.flower).toBeUndefined();
  });
});

describe("Jobs", () => {
  it.each([
    // jobs/create-user-job.yaml:23: ≤ 1.18 `webserver.defaultUser.enabled` (default true), whatever the Airflow version.
    ["1.18.0", { webserver: { defaultUser: { enabled: false } } }, undefined],
    ["1.17.0", {}, "prod-create-user"],
    // 1.19: `or (and webserver.defaultUser webserver.defaultUser.enabled) createUserJob.enabled`.
    ["1.19.0", { createUserJob: { enabled: false } }, undefined],
    ["1.19.0", { createUserJob: { enabled: false }, webserver: { defaultUser: { enabled: true } } }, "prod-create-user"],
    // createUserJob.defaultUser.enabled is in the 1.19 schema but no template reads it.
    ["1.19.0", { createUserJob: { defaultUser: { enabled: false } } }, "prod-create-user"],
  ])("create-user Job on %s with %j → %s", (version, values, job) => {
    const n = names(version, values);
    expect(n.jobs.createUser).toBe(job);
    expect(Boolean(n.serviceAccounts["create-user-job"])).toBe(Boolean(job));
  });

  it("Jobs are post-install/post-upgrade hooks unless useHelmHooks is false (jobs/*-job.yaml:45-49)", () => {
    expect(names("1.18.0", {}).jobHooks).toEqual({ migrateDatabase: true, createUser: true });
    const n = names("1.18.0", { migrateDatabaseJob: { useHelmHooks: false }, createUserJob: { useHelmHooks: false } });
    expect(n.jobHooks).toEqual({ migrateDatabase: false, createUser: false });
    expect(names("1.18.0", { migrateDatabaseJob: { enabled: false } }).jobs.migrateDatabase).toBeUndefined();
  });
});

describe("bundled PostgreSQL (Bitnami subchart 13.2.24, Chart.yaml dependencies)", () => {
  it.each([
    [{}, "prod", "prod-postgresql"],
    [{ postgresql: { enabled: false } }, "prod", undefined],
    [{ postgresql: { nameOverride: "pg" } }, "prod", "prod-pg"],
    [{ postgresql: { fullnameOverride: "metadata-db" } }, "prod", "metadata-db"],
    [{}, "postgresql-prod", "postgresql-prod"],
    [{ postgresql: { architecture: "replication" } }, "prod", "prod-postgresql-primary"],
  ])("%j with release %s → %s", (values, release, name) => {
    const n = names("1.19.0", values, release);
    expect(n.services.postgresql).toBe(name);
    expect(n.postgresqlStatefulSet).toBe(name);
  });
});
