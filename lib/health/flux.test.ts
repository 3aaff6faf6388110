import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { NOW } from "./fixtures/clock";
import * as hrs from "./fixtures/flux-helmreleases";
import * as kss from "./fixtures/flux-kustomizations";
import * as src from "./fixtures/flux-sources";
import { healthOf, type Verdict } from "./index";

type Expect = Partial<Omit<Verdict, "extra">> & { messageIncludes?: string; extraIncludes?: string[] };

const cases: Array<[string, KubeObject, Expect]> = [
  [
    "GitRepository Ready with artifact",
    src.gitRepositoryReady,
    {
      status: "Healthy",
      reason: "Succeeded",
      messageIncludes: "stored artifact for revision 'main@sha1:0f1e2d3c",
      stale: false,
    },
  ],
  [
    "GitRepository first clone failing: no artifact",
    src.gitRepositoryNoArtifact,
    {
      status: "Degraded",
      reason: "GitOperationFailed",
      messageIncludes: "unable to authenticate",
      extraIncludes: ["no artifact: dependants have nothing to fetch"],
    },
  ],
  [
    "GitRepository Ready=True but ArtifactInStorage=False is not Healthy",
    src.gitRepositoryArtifactLost,
    {
      status: "Degraded",
      reason: "NoArtifact",
      message: "no artifact in storage: no artifact for resource in storage",
    },
  ],
  [
    "GitRepository stale: fetch failing, old artifact still served",
    src.gitRepositoryStale,
    {
      status: "Degraded",
      reason: "GitOperationFailed",
      messageIncludes: "authentication required",
      extraIncludes: ["still serving the last fetched revision main@sha1:0f1e2d3c"],
    },
  ],
  [
    "HelmRepository type oci is static",
    src.helmRepositoryOci,
    { status: "Healthy", reason: "Static", message: "Helm repository is Ready" },
  ],
  ["HelmRepository https Ready", src.helmRepositoryAirflow, { status: "Healthy", reason: "Succeeded" }],
  [
    "HelmChart Ready",
    src.helmChartAirflow,
    { status: "Healthy", reason: "ChartPullSucceeded", message: "pulled 'airflow' chart with version '1.16.0'" },
  ],
  ["OCIRepository Ready", src.ociRepositoryReady, { status: "Healthy", reason: "Succeeded" }],

  [
    "Kustomization Ready",
    kss.kustomizationReady,
    {
      status: "Healthy",
      reason: "ReconciliationSucceeded",
      message: "Applied revision: main@sha1:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
    },
  ],
  [
    "Kustomization suspended (with who/why/when)",
    kss.kustomizationSuspended,
    {
      status: "Suspended",
      reason: "Suspended",
      message:
        "reconciliation suspended by alice@example.com at 2025-06-12T08:15:00Z: Grafana migration, do not reconcile",
    },
  ],
  [
    "Kustomization generation not yet observed",
    kss.kustomizationGenerationNotObserved,
    {
      status: "Progressing",
      reason: "LatestGenerationNotObserved",
      stale: true,
      message: "waiting for the controller to observe generation 3 (last observed 2)",
    },
  ],
  [
    "Kustomization Reconciling",
    kss.kustomizationReconciling,
    {
      status: "Progressing",
      reason: "Progressing",
      messageIncludes: "Building manifests for revision main@sha1:abc12345",
      extraIncludes: ["applying new revision main@sha1:abc12345; main@sha1:0f1e2d3c still applied"],
    },
  ],
  [
    "Kustomization DependencyNotReady is waiting, not failing",
    kss.kustomizationDependencyNotReady,
    {
      status: "Progressing",
      reason: "DependencyNotReady",
      message:
        "waiting for dependency: Dependencies do not meet ready condition (dependency 'flux-system/infra-controllers' is not ready), retrying in 30s",
    },
  ],
  [
    "Kustomization new revision failing while the old one is live",
    kss.kustomizationNewRevisionFailing,
    {
      status: "Degraded",
      reason: "BuildFailed",
      messageIncludes: "kustomize build failed",
      stale: false,
      extraIncludes: ["new revision main@sha1:abc12345 failing; main@sha1:0f1e2d3c still applied"],
    },
  ],
  [
    "Kustomization Ready False HealthCheckFailed",
    kss.kustomizationHealthCheckFailed,
    { status: "Degraded", reason: "HealthCheckFailed", messageIncludes: "health check failed after 5m0.041s" },
  ],
  [
    "Kustomization with no conditions yet",
    kss.kustomizationNoConditions,
    { status: "Progressing", reason: "WaitingToBeReconciled", message: "waiting to be reconciled", stale: false },
  ],
  [
    "Kustomization in the wrong namespace: source not found",
    kss.kustomizationWrongNamespace,
    {
      status: "Degraded",
      reason: "ArtifactFailed",
      message: "Source 'GitRepository/airflow/flux-system' not found",
      extraIncludes: ["will retry: Source artifact not found, retrying in 30s"],
    },
  ],
  [
    "Kustomization deletion pending (finalizer running)",
    kss.kustomizationDeleting,
    {
      status: "Progressing",
      reason: "Terminating",
      message: "deletion pending: waiting for finalizer finalizers.fluxcd.io",
    },
  ],
  [
    "Kustomization stuck on finalizer for 3h",
    kss.kustomizationStuckFinalizer,
    { status: "Degraded", reason: "StuckOnFinalizer", message: "stuck on finalizer finalizers.fluxcd.io for 3h" },
  ],

  [
    "HelmRelease Stalled RetriesExceeded offers Reset",
    hrs.helmReleaseStalled,
    {
      status: "Degraded",
      reason: "RetriesExceeded",
      stalled: true,
      offerReset: true,
      message:
        "Failed to install after 4 attempt(s); last error: Helm install failed for release airflow/airflow with chart airflow@1.16.0: context deadline exceeded",
      extraIncludes: ["4 install failures", "release v4 failed (airflow 1.16.0)"],
    },
  ],
  [
    "HelmRelease Reconciling (upgrade running)",
    hrs.helmReleaseReconciling,
    {
      status: "Progressing",
      reason: "Progressing",
      message: "Running 'upgrade' action with timeout of 5m0s",
      stalled: false,
    },
  ],
  ["HelmRelease Ready", hrs.helmReleaseReady, { status: "Healthy", reason: "InstallSucceeded", stalled: false }],
  [
    "HelmRelease RetryOnFailure: failing, retrying, not Progressing forever",
    hrs.helmReleaseRetrying,
    {
      status: "Degraded",
      reason: "UpgradeFailed",
      stalled: false,
      messageIncludes: "field is immutable",
      extraIncludes: [
        "will retry: retrying after 5m0s",
        "2 upgrade failures",
        "release v3 failed (spark-operator 2.1.0)",
      ],
    },
  ],
  [
    "HelmRelease being uninstalled",
    hrs.helmReleaseDeleting,
    { status: "Progressing", reason: "Terminating", messageIncludes: "finalizers.fluxcd.io" },
  ],
];

describe("healthOf: Flux kinds", () => {
  it.each(cases)("%s", (_name, obj, want) => {
    const got = healthOf(obj, { now: NOW });
    const { messageIncludes, extraIncludes, ...exact } = want;
    expect(got).toMatchObject(exact);
    if (messageIncludes) expect(got.message).toContain(messageIncludes);
    for (const line of extraIncludes ?? []) expect(got.extra ?? []).toContain(line);
    if (want.offerReset === undefined) expect(got.offerReset).toBeUndefined();
  });

  it("suspension wins over a failing Ready condition", () => {
    const obj: KubeObject = {
      ...kss.kustomizationNewRevisionFailing,
      spec: { ...kss.kustomizationNewRevisionFailing.spec, suspend: true },
    };
    expect(healthOf(obj, { now: NOW })).toMatchObject({ status: "Suspended", message: "reconciliation suspended" });
  });

  it("deletion wins over suspension", () => {
    const obj: KubeObject = {
      ...kss.kustomizationStuckFinalizer,
      spec: { ...kss.kustomizationStuckFinalizer.spec, suspend: true },
    };
    expect(healthOf(obj, { now: NOW }).status).toBe("Degraded");
  });

  it("stuck threshold is configurable and relative to ctx.now", () => {
    expect(healthOf(kss.kustomizationDeleting, { now: NOW, stuckAfterMs: 60_000 })).toMatchObject({
      status: "Degraded",
      message: "stuck on finalizer finalizers.fluxcd.io for 2m",
    });
    expect(healthOf(kss.kustomizationStuckFinalizer, { now: NOW - 3 * 3600_000 }).status).toBe("Progressing");
  });

  it("generation check uses status.observedGeneration when Ready carries none (older helm-controller)", () => {
    const ready = { type: "Ready", status: "True", reason: "UpgradeSucceeded", message: "ok" };
    const obj: KubeObject = {
      ...hrs.helmReleaseReady,
      metadata: { ...hrs.helmReleaseReady.metadata, generation: 2 },
      status: { observedGeneration: 1, conditions: [ready] },
    };
    expect(healthOf(obj)).toMatchObject({ status: "Progressing", stale: true });
    expect(healthOf({ ...obj, status: { observedGeneration: 2, conditions: [ready] } })).toMatchObject({
      status: "Healthy",
      stale: false,
    });
  });

  it("a failing object whose Ready is for the current generation is not stale even if status.observedGeneration lags", () => {
    // Flux only bumps status.observedGeneration on Ready/Stalled; the Ready condition's own observedGeneration is current.
    const obj: KubeObject = {
      ...kss.kustomizationNewRevisionFailing,
      status: { ...kss.kustomizationNewRevisionFailing.status, observedGeneration: 3 },
    };
    expect(healthOf(obj)).toMatchObject({ status: "Degraded", stale: false });
  });
});
