import { describe, expect, it } from "vitest";
import { toSummary } from "./summary";

describe("toSummary", () => {
  it("maps a stalled HelmRelease", () => {
    const s = toSummary("helmreleases", {
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      metadata: { name: "airflow", namespace: "airflow", generation: 2, creationTimestamp: "2026-11-01T00:00:00Z", resourceVersion: "42" },
      spec: { suspend: false },
      status: {
        observedGeneration: 2,
        lastAttemptedRevision: "1.18.0",
        conditions: [
          { type: "Stalled", status: "True", reason: "RetriesExceeded", message: "Failed to install after 4 attempt(s)" },
          { type: "Ready", status: "False", reason: "InstallFailed", message: "Helm install failed" },
        ],
      },
    });
    expect(s).toMatchObject({ resource: "helmreleases", namespace: "airflow", name: "airflow", suspended: false, revision: "1.18.0", resourceVersion: "42" });
    expect(s.health.status).toBe("Degraded");
    expect(s.health.stalled).toBe(true);
    expect(s.restarts).toBeUndefined();
  });

  it("sums pod container restarts", () => {
    const s = toSummary("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "airflow-scheduler-0", namespace: "airflow" },
      status: { phase: "Running", containerStatuses: [{ name: "scheduler", restartCount: 3 }, { name: "git-sync", restartCount: 2 }] },
    });
    expect(s.restarts).toBe(5);
    expect(s.namespace).toBe("airflow");
  });
});
