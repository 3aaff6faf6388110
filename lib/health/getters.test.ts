import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import * as hrs from "./fixtures/flux-helmreleases";
import * as kss from "./fixtures/flux-kustomizations";
import * as src from "./fixtures/flux-sources";
import { eso } from "./fixtures/index";
import { conditionOf, isSuspended, lastReconciledAt, revisionOf, shortRevision, suspendInfo } from "./index";

describe("getters", () => {
  it("conditionOf finds a condition by type", () => {
    expect(conditionOf(hrs.helmReleaseStalled, "Stalled")?.reason).toBe("RetriesExceeded");
    expect(conditionOf(hrs.helmReleaseStalled, "TestSuccess")).toBeUndefined();
    expect(conditionOf(src.helmRepositoryOci, "Ready")).toBeUndefined();
  });

  it("isSuspended / suspendInfo", () => {
    expect(isSuspended(kss.kustomizationSuspended)).toBe(true);
    expect(isSuspended(kss.kustomizationReady)).toBe(false);
    expect(suspendInfo(kss.kustomizationSuspended)).toEqual({
      suspended: true,
      by: "alice@example.com",
      reason: "Grafana migration, do not reconcile",
      at: "2025-06-12T08:15:00Z",
    });
    expect(suspendInfo(kss.kustomizationReady)).toEqual({ suspended: false });
  });

  it.each<[string, KubeObject, string | undefined]>([
    ["GitRepository: artifact revision", src.gitRepositoryReady, "main@sha1:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c"],
    ["GitRepository without artifact", src.gitRepositoryNoArtifact, undefined],
    ["HelmChart: chart version", src.helmChartAirflow, "1.16.0"],
    [
      "Kustomization: lastAppliedRevision (not the attempted one)",
      kss.kustomizationNewRevisionFailing,
      "main@sha1:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
    ],
    ["HelmRelease: history[0].chartVersion", hrs.helmReleaseRetrying, "2.1.0"],
    [
      "HelmRelease without history: lastAttemptedRevision",
      { ...hrs.helmReleaseReady, status: { lastAttemptedRevision: "6.7.2" } },
      "6.7.2",
    ],
    ["ExternalSecret: none", eso.externalSecretSynced, undefined],
  ])("revisionOf %s", (_n, obj, want) => {
    expect(revisionOf(obj)).toBe(want);
  });

  it("shortRevision truncates digests like the flux CLI", () => {
    expect(shortRevision("main@sha1:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c")).toBe("main@sha1:0f1e2d3c");
    expect(shortRevision("6.7.1@sha256:3b2a1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b")).toBe(
      "6.7.1@sha256:3b2a1c0d",
    );
    expect(shortRevision("1.16.0")).toBe("1.16.0");
  });

  it("lastReconciledAt takes the latest of Ready transition, handled request, refresh time, last deploy", () => {
    // Ready transitioned 30 min ago, but a manual reconcile was handled 20 min ago.
    expect(lastReconciledAt(kss.kustomizationReady)).toBe("2025-06-12T09:40:00.123Z");
    expect(lastReconciledAt(eso.externalSecretSynced)).toBe("2025-06-12T09:40:00.000Z");
    expect(lastReconciledAt(kss.kustomizationNoConditions)).toBeUndefined();
    const epochToken: KubeObject = {
      ...kss.kustomizationNoConditions,
      status: { lastHandledReconcileAt: "1749722400" },
    };
    expect(lastReconciledAt(epochToken)).toBe("2025-06-12T10:00:00.000Z");
  });
});
