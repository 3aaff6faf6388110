import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { NOW } from "../health/fixtures/clock";
import { buildGraph, rootCause, rootCauses, type Step } from "./index";
import { incidentCluster, incidentClusterWithWorkloads } from "./fixtures/cluster";

const ids = (chain: Step[]) => chain.map((s) => s.id);

describe("rootCause on the incident cluster", () => {
  const g = buildGraph(incidentCluster(), { now: NOW });

  it("HelmRelease airflow → missing Secret airflow-metadata → ExternalSecret SecretSyncedError (store is healthy)", () => {
    const chain = rootCause(g, "helmreleases/airflow/airflow");
    expect(chain).toEqual([
      {
        id: "helmreleases/airflow/airflow",
        kind: "HelmRelease",
        namespace: "airflow",
        name: "airflow",
        status: "Degraded",
        reason: "RetriesExceeded",
        message:
          "Failed to install after 4 attempt(s); last error: Helm install failed for release airflow/airflow with chart airflow@1.16.0: context deadline exceeded",
      },
      {
        id: "secrets/airflow/airflow-metadata",
        kind: "Secret",
        namespace: "airflow",
        name: "airflow-metadata",
        status: "Degraded",
        reason: "NotFound",
        message: "Secret airflow/airflow-metadata not found",
        missing: true,
        via: "values-secret",
      },
      {
        id: "externalsecrets/airflow/airflow-metadata",
        kind: "ExternalSecret",
        namespace: "airflow",
        name: "airflow-metadata",
        status: "Degraded",
        reason: "SecretSyncedError",
        message: "could not get secret data from provider",
        via: "synced-by",
      },
    ]);
  });

  it.each<[string, string, string[]]>([
    [
      "Kustomization apps → HelmRelease → Secret → ExternalSecret",
      "kustomizations/flux-system/apps",
      [
        "kustomizations/flux-system/apps",
        "helmreleases/airflow/airflow",
        "secrets/airflow/airflow-metadata",
        "externalsecrets/airflow/airflow-metadata",
      ],
    ],
    [
      "waiting Kustomization → failing dependency → its Deployment → crash-looping pod",
      "kustomizations/flux-system/airflow",
      [
        "kustomizations/flux-system/airflow",
        "kustomizations/flux-system/infra-controllers",
        "deployments/cert-manager/cert-manager",
        "pods/cert-manager/cert-manager-7d4b9c8f6-q2w3e",
      ],
    ],
    [
      "Kustomization in the wrong namespace → missing GitRepository",
      "kustomizations/airflow/airflow-dags",
      ["kustomizations/airflow/airflow-dags", "gitrepositories/airflow/flux-system"],
    ],
    [
      "stale GitRepository is its own root cause",
      "gitrepositories/flux-system/platform",
      ["gitrepositories/flux-system/platform"],
    ],
    [
      "ExternalSecret → SecretStore InvalidProviderConfig → missing credentials Secret",
      "externalsecrets/data-platform/nessie-postgres",
      [
        "externalsecrets/data-platform/nessie-postgres",
        "secretstores/data-platform/vault-backend",
        "secrets/data-platform/vault-token",
      ],
    ],
    [
      "missing Secret → its ExternalSecret",
      "secrets/airflow/airflow-metadata",
      ["secrets/airflow/airflow-metadata", "externalsecrets/airflow/airflow-metadata"],
    ],
    ["healthy Kustomization on the stale source has no root cause", "kustomizations/flux-system/platform-apps", []],
    ["healthy HelmRelease has no root cause", "helmreleases/apps/podinfo", []],
    ["unknown id", "helmreleases/nope/nope", []],
  ])("%s", (_n, start, want) => {
    expect(ids(rootCause(g, start))).toEqual(want);
  });

  it("the stale-source chain says why in words", () => {
    const [step] = rootCause(g, "gitrepositories/flux-system/platform");
    expect(step).toMatchObject({ status: "Degraded", reason: "GitOperationFailed" });
    expect(step.message).toContain("authentication required");
  });

  it("rootCauses exposes every unhealthy leaf, deepest first", () => {
    const objs = incidentCluster().filter((o) => !(o.kind === "Secret" && o.metadata.name === "airflow-git-ssh"));
    const chains = rootCauses(buildGraph(objs, { now: NOW }), "helmreleases/airflow/airflow");
    expect(chains.map(ids)).toEqual([
      ["helmreleases/airflow/airflow", "secrets/airflow/airflow-metadata", "externalsecrets/airflow/airflow-metadata"],
      ["helmreleases/airflow/airflow", "secrets/airflow/airflow-git-ssh"],
    ]);
    expect(chains[1][1]).toMatchObject({ missing: true, via: "values-secret" });
  });

  it("a Degraded node is not explained by a dependency that is only Progressing", () => {
    const objs = incidentCluster().filter((o) => o.kind !== "Pod");
    const chain = rootCause(buildGraph(objs, { now: NOW }), "kustomizations/flux-system/infra-controllers");
    expect(ids(chain)).toEqual(["kustomizations/flux-system/infra-controllers"]);
  });
});

describe("rootCause with workloads", () => {
  it("HelmRelease → Deployment → Pod CreateContainerConfigError → missing Secret → ExternalSecret", () => {
    const chain = rootCause(buildGraph(incidentClusterWithWorkloads(), { now: NOW }), "helmreleases/airflow/airflow");
    expect(chain.map((s) => [s.kind, s.name, s.reason, s.via])).toEqual([
      ["HelmRelease", "airflow", "UpgradeFailed", undefined],
      ["Deployment", "airflow-scheduler", "ProgressDeadlineExceeded", "manages"],
      ["Pod", "airflow-scheduler-6b8c7d9e5f-kq4lm", "CreateContainerConfigError", "owns"],
      ["Secret", "airflow-metadata", "NotFound", "uses-secret"],
      ["ExternalSecret", "airflow-metadata", "SecretSyncedError", "synced-by"],
    ]);
    expect(chain[2].message).toBe(
      'container "scheduler": CreateContainerConfigError: secret "airflow-metadata" not found',
    );
  });
});

describe("rootCause terminates on cycles", () => {
  const failing = (name: string, dep: string): KubeObject => ({
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name, namespace: "flux-system", generation: 1 },
    spec: { sourceRef: { kind: "GitRepository", name: "flux-system" }, dependsOn: [{ name: dep }] },
    status: {
      observedGeneration: 1,
      conditions: [
        {
          type: "Ready",
          status: "False",
          reason: "ReconciliationFailed",
          message: `${name} failed`,
          observedGeneration: 1,
        },
      ],
    },
  });
  it("a dependsOn cycle yields a finite chain", () => {
    const g = buildGraph([failing("a", "b"), failing("b", "c"), failing("c", "a")], { now: NOW });
    expect(ids(rootCause(g, "kustomizations/flux-system/a"))).toEqual([
      "kustomizations/flux-system/a",
      "kustomizations/flux-system/b",
      "kustomizations/flux-system/c",
    ]);
  });
});

describe("rootCause does not blame applied objects for a failure before apply", () => {
  it("a Kustomization whose build fails is its own root cause, even if something it applies is failing", () => {
    const objs = incidentCluster().map((o) =>
      o.kind === "Kustomization" && o.metadata.name === "apps"
        ? {
            ...o,
            status: {
              ...o.status,
              conditions: [
                {
                  type: "Ready",
                  status: "False",
                  reason: "BuildFailed",
                  message: "kustomize build failed: map[string]interface {}(nil): yaml: unmarshal errors",
                  observedGeneration: 1,
                },
              ],
            },
          }
        : o,
    );
    expect(ids(rootCause(buildGraph(objs, { now: NOW }), "kustomizations/flux-system/apps"))).toEqual([
      "kustomizations/flux-system/apps",
    ]);
  });
});
