import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { refusalFor } from "./preconditions";

const obj = (kind: string, spec: Record<string, unknown> = {}, meta: Partial<KubeObject["metadata"]> = {}): KubeObject => ({
  apiVersion: "x/v1",
  kind,
  metadata: { name: "airflow", namespace: "airflow", ...meta },
  spec,
});

const suspended = obj("HelmRelease", { suspend: true }, {
  annotations: { "fluxcd.controlplane.io/suspendedBy": "alice", "fluxtower.dev/suspended-reason": "DB maintenance", "fluxtower.dev/suspended-at": "2025-06-12T10:00:00Z" },
});

describe("state refusals", () => {
  it.each(["reconcile", "force", "reset"] as const)("%s of a suspended object → 409 naming who, when and why", (action) => {
    expect(refusalFor(action, suspended)).toEqual({
      code: "conflict",
      message: 'HelmRelease airflow/airflow is suspended by alice at 2025-06-12T10:00:00Z: "DB maintenance". Resume it before reconciling.',
    });
  });

  it("reconcile of an OCI HelmRepository → 400 (static, nothing to reconcile)", () => {
    expect(refusalFor("reconcile", obj("HelmRepository", { type: "oci" }))?.code).toBe("bad_request");
    expect(refusalFor("reconcile", obj("HelmRepository", { type: "default" }))).toBeUndefined();
  });

  it("suspend twice and resume of a running object are conflicts", () => {
    expect(refusalFor("suspend", suspended)?.message).toMatch(/already suspended by alice/);
    expect(refusalFor("resume", obj("Kustomization"))).toEqual({ code: "conflict", message: "Kustomization airflow/airflow is not suspended" });
    expect(refusalFor("resume", suspended)).toBeUndefined();
    expect(refusalFor("suspend", obj("Kustomization"))).toBeUndefined();
  });

  it.each([
    [{ refreshPolicy: "CreatedOnce" }, /CreatedOnce/],
    [{ refreshInterval: "0" }, /refreshInterval 0 with refreshPolicy Periodic/],
    [{ refreshPolicy: "Periodic", refreshInterval: "0s" }, /refreshInterval 0s/],
  ])("force-sync of an ExternalSecret with %j is refused", (spec, message) => {
    const r = refusalFor("force-sync", obj("ExternalSecret", spec));
    expect(r?.code).toBe("conflict");
    expect(r?.message).toMatch(message);
  });

  it.each([{}, { refreshInterval: "1h" }, { refreshPolicy: "OnChange", refreshInterval: "0" }])("force-sync with %j is allowed", (spec) => {
    expect(refusalFor("force-sync", obj("ExternalSecret", spec))).toBeUndefined();
  });

  it("ClusterExternalSecret reads the policy from externalSecretSpec", () => {
    expect(refusalFor("force-sync", obj("ClusterExternalSecret", { externalSecretSpec: { refreshPolicy: "CreatedOnce" } }))?.code).toBe("conflict");
    expect(refusalFor("force-sync", obj("ClusterExternalSecret", { externalSecretSpec: { refreshInterval: "1h" } }))).toBeUndefined();
  });

  it("restart refuses paused Deployments and OnDelete StatefulSets with an explanation", () => {
    expect(refusalFor("restart", obj("Deployment", { paused: true }))?.message).toMatch(/paused/);
    expect(refusalFor("restart", obj("StatefulSet", { updateStrategy: { type: "OnDelete" } }))?.message).toMatch(/OnDelete.*Delete its pods one at a time/);
    expect(refusalFor("restart", obj("StatefulSet", { updateStrategy: { type: "RollingUpdate" } }))).toBeUndefined();
    expect(refusalFor("restart", obj("Deployment", { replicas: 2 }))).toBeUndefined();
  });

  it("an object being deleted refuses everything", () => {
    expect(refusalFor("reconcile", obj("Kustomization", {}, { deletionTimestamp: "2025-06-12T10:00:00Z" }))?.message).toMatch(/being deleted/);
  });
});
