import { describe, expect, it } from "vitest";
import type { Condition, KubeObject } from "@/lib/kinds/object";
import { evaluateStep, overallProgress } from "./progress";
import type { OperationState, ProgressKind, StepRecord } from "./types";

const T = "2025-06-12T10:20:30.123456789Z";
const OLD = "2025-06-12T09:00:00.000000001Z";
const SENT = Date.parse("2025-06-12T10:20:30Z");
const NOW = SENT + 10_000;
const REQ_SECS = String(SENT / 1000);

function step(progress: ProgressKind, kind: string, extra: Partial<StepRecord> = {}): StepRecord {
  return {
    resource: `${kind.toLowerCase()}s`,
    kind,
    namespace: "airflow",
    name: "x",
    role: "target",
    progress,
    state: "requested",
    message: "request sent",
    actor: "operator",
    timeoutMs: 300_000,
    token: progress === "force-sync" ? REQ_SECS : T,
    sentAt: new Date(SENT).toISOString(),
    deadline: new Date(SENT + 300_000).toISOString(),
    generation: 2,
    ...extra,
  };
}

const cond = (type: string, status: string, reason = "", message = "", extra: Partial<Condition> = {}): Condition => ({ type, status, reason, message, ...extra });

function flux(kind: string, status: Record<string, unknown>, conditions: Condition[], meta: Partial<KubeObject["metadata"]> = {}, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "x/v1", kind, metadata: { name: "x", namespace: "airflow", generation: 2, ...meta }, spec, status: { observedGeneration: 2, ...status, conditions } };
}

const READY = cond("Ready", "True", "ReconciliationSucceeded", "Applied revision: main@sha1:abc");
const FAILED = cond("Ready", "False", "InstallFailed", "Helm install failed: context deadline exceeded");

type Row = { name: string; step: StepRecord; obj: KubeObject | undefined; now?: number; state: OperationState; message?: string | RegExp; children?: KubeObject[] };

const rows: Row[] = [
  // reconcile
  { name: "reconcile: not yet handled", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: OLD }, [READY]), state: "requested", message: "waiting for kustomize-controller to pick up the request" },
  { name: "reconcile: handled but another token is not ours", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: "2025-06-12T10:20:30.9Z" }, [READY]), state: "requested" },
  { name: "reconcile: handled, Reconciling=True", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: T }, [cond("Reconciling", "True", "Progressing", "Building manifests"), cond("Ready", "Unknown", "Progressing", "Reconciliation in progress")]), state: "reconciling", message: "Building manifests" },
  { name: "reconcile: handled, generation not observed", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: T, observedGeneration: 1 }, [READY], { generation: 2 }), state: "reconciling", message: /observe generation 2/ },
  { name: "reconcile: settled Ready", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: T }, [READY]), state: "succeeded", message: "Applied revision: main@sha1:abc" },
  { name: "reconcile: source settled → fetched revision", step: step("reconcile", "GitRepository"), obj: flux("GitRepository", { lastHandledReconcileAt: T, artifact: { revision: "main@sha1:0123" } }, [cond("Ready", "True", "Succeeded", "stored artifact")]), state: "succeeded", message: "fetched revision main@sha1:0123" },
  { name: "reconcile: settled failing → Ready message", step: step("reconcile", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: T }, [FAILED]), state: "failed", message: "Helm install failed: context deadline exceeded" },
  { name: "reconcile: Stalled → failed with both messages", step: step("reconcile", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: T }, [cond("Stalled", "True", "RetriesExceeded", "Failed to install after 4 attempt(s)"), FAILED]), state: "failed", message: "RetriesExceeded: Failed to install after 4 attempt(s); Helm install failed: context deadline exceeded" },
  { name: "reconcile: ProgressingWithRetry is a failed attempt", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: T }, [cond("Reconciling", "True", "ProgressingWithRetry", "retrying after 5m0s"), cond("Ready", "False", "BuildFailed", "kustomize build failed")]), state: "failed", message: "kustomize build failed (retrying after 5m0s)" },
  { name: "reconcile: handled, no Ready yet", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: T }, []), state: "acknowledged" },
  { name: "reconcile: suspended before handled", step: step("reconcile", "HelmRelease"), obj: flux("HelmRelease", {}, [READY], { annotations: { "fluxcd.controlplane.io/suspendedBy": "bob", "fluxtower.dev/suspended-reason": "freeze" } }, { suspend: true }), state: "failed", message: /suspended by bob \(freeze\)/ },
  { name: "reconcile: deadline passed", step: step("reconcile", "Kustomization"), obj: flux("Kustomization", { lastHandledReconcileAt: OLD }, [READY]), now: SENT + 300_000, state: "timed-out", message: /^no result within 5m0s; last state: waiting for kustomize-controller/ },
  { name: "reconcile: object gone", step: step("reconcile", "Kustomization"), obj: undefined, state: "failed", message: "Kustomization airflow/x no longer exists" },
  // force
  { name: "reconcile: controller busy since before the request", step: step("reconcile", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD }, [cond("Reconciling", "True", "Progressing", "Running 'upgrade' action", { lastTransitionTime: "2025-06-12T10:19:00Z" })]), state: "requested", message: "waiting for helm-controller to pick up the request (busy: Running 'upgrade' action)" },
  { name: "reconcile: Reconciling began after the request", step: step("reconcile", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD }, [cond("Reconciling", "True", "Progressing", "Running 'upgrade' action", { lastTransitionTime: "2025-06-12T10:20:31Z" })]), state: "reconciling", message: "Running 'upgrade' action" },
  { name: "force: not yet taken", step: step("force", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD, lastHandledForceAt: OLD }, [READY]), state: "requested", message: /forced upgrade/ },
  { name: "force: reconcile handled without the force → failed", step: step("force", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: T, lastHandledForceAt: OLD }, [READY]), state: "failed", message: /not the forced upgrade/ },
  { name: "force: taken, upgrading", step: step("force", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD, lastHandledForceAt: T }, [cond("Reconciling", "True", "Progressing", "Running 'upgrade' action with timeout of 5m0s")]), state: "reconciling", message: "Running 'upgrade' action with timeout of 5m0s" },
  { name: "force: taken, upgrade finished but reconcile not recorded yet", step: step("force", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD, lastHandledForceAt: T }, [READY]), state: "acknowledged" },
  { name: "force: both handled, still reconciling", step: step("force", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: T, lastHandledForceAt: T }, [cond("Reconciling", "True", "Progressing", "Running 'upgrade' action with timeout of 5m0s")]), state: "reconciling", message: "Running 'upgrade' action with timeout of 5m0s" },
  { name: "force: done", step: step("force", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: T, lastHandledForceAt: T }, [cond("Ready", "True", "UpgradeSucceeded", "Helm upgrade succeeded")]), state: "succeeded", message: "Helm upgrade succeeded" },
  // reset
  { name: "reset: not taken", step: step("reset", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD, lastHandledResetAt: OLD, failures: 4 }, [cond("Stalled", "True", "RetriesExceeded", "Failed to install after 4 attempt(s)"), FAILED]), state: "requested", message: /the reset/ },
  { name: "reset: taken, stalled again", step: step("reset", "HelmRelease"), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD, lastHandledResetAt: T, failures: 4 }, [cond("Stalled", "True", "RetriesExceeded", "Failed to install after 4 attempt(s)"), FAILED]), state: "failed", message: /^RetriesExceeded/ },
  { name: "reset: taken, counters cleared, installing", step: step("reset", "HelmRelease", { baseline: { failures: 4 } }), obj: flux("HelmRelease", { lastHandledReconcileAt: OLD, lastHandledResetAt: T, failures: 0 }, [cond("Reconciling", "True", "Progressing", "Running 'install' action")]), state: "reconciling", message: "failure counters cleared (were 4); Running 'install' action" },
  { name: "reset: retry succeeded", step: step("reset", "HelmRelease", { baseline: { failures: 4 } }), obj: flux("HelmRelease", { lastHandledReconcileAt: T, lastHandledResetAt: T, failures: 0 }, [cond("Ready", "True", "InstallSucceeded", "Helm install succeeded")]), state: "succeeded", message: /Helm install succeeded$/ },
  { name: "reset: retry failed again", step: step("reset", "HelmRelease", { baseline: { failures: 4 } }), obj: flux("HelmRelease", { lastHandledReconcileAt: T, lastHandledResetAt: T, failures: 1 }, [FAILED]), state: "failed", message: "Helm install failed: context deadline exceeded" },
  // suspend
  { name: "suspend: not yet visible", step: step("suspend", "HelmRelease"), obj: flux("HelmRelease", {}, [READY]), state: "requested" },
  { name: "suspend: visible", step: step("suspend", "HelmRelease"), obj: flux("HelmRelease", {}, [READY], { annotations: { "fluxcd.controlplane.io/suspendedBy": "alice", "fluxtower.dev/suspended-reason": "DB maintenance" } }, { suspend: true }), state: "succeeded", message: "suspended by alice: DB maintenance" },
  // resume
  { name: "resume: generation not observed", step: step("resume", "HelmRelease", { generation: 3 }), obj: flux("HelmRelease", { observedGeneration: 2 }, [READY], { generation: 3 }), state: "requested", message: /observe generation 3/ },
  { name: "resume: observed, Ready for the new generation", step: step("resume", "HelmRelease", { generation: 3 }), obj: flux("HelmRelease", { observedGeneration: 3 }, [{ ...READY, observedGeneration: 3 }], { generation: 3 }), state: "succeeded" },
  { name: "resume: token handled but Ready is for the old generation", step: step("resume", "HelmRelease", { generation: 3 }), obj: flux("HelmRelease", { observedGeneration: 3, lastHandledReconcileAt: T }, [{ ...READY, observedGeneration: 2 }], { generation: 3 }), state: "reconciling", message: /observe generation 3/ },
  { name: "resume: fails with Ready's message", step: step("resume", "HelmRelease", { generation: 3 }), obj: flux("HelmRelease", { observedGeneration: 3 }, [{ ...FAILED, observedGeneration: 3 }], { generation: 3 }), state: "failed", message: "Helm install failed: context deadline exceeded" },
  { name: "resume: the cache still shows the object before our write", step: step("resume", "HelmRelease", { generation: 3 }), obj: flux("HelmRelease", { observedGeneration: 2 }, [READY], { generation: 2, annotations: { "fluxcd.controlplane.io/suspendedBy": "carol" } }, { suspend: true }), state: "requested", message: /reach the cache/ },
  { name: "resume: suspended again", step: step("resume", "HelmRelease", { generation: 3 }), obj: flux("HelmRelease", { observedGeneration: 2 }, [READY], { generation: 4, annotations: { "fluxcd.controlplane.io/suspendedBy": "carol" } }, { suspend: true }), state: "failed", message: /suspended by carol again/ },
  // force-sync
  { name: "force-sync: not yet refreshed", step: step("force-sync", "ExternalSecret", { baseline: { syncedResourceVersion: "1-aaa", readyMessage: "secret synced" } }), obj: flux("ExternalSecret", { refreshTime: "2025-06-12T10:00:00Z", syncedResourceVersion: "1-aaa" }, [cond("Ready", "True", "SecretSynced", "secret synced")]), state: "requested" },
  { name: "force-sync: refreshed in the request second", step: step("force-sync", "ExternalSecret"), obj: flux("ExternalSecret", { refreshTime: "2025-06-12T10:20:30Z", syncedResourceVersion: "1-bbb" }, [cond("Ready", "True", "SecretSynced", "secret synced")]), state: "succeeded", message: "secret synced at 2025-06-12T10:20:30Z" },
  { name: "force-sync: refresh time is before the request", step: step("force-sync", "ExternalSecret"), obj: flux("ExternalSecret", { refreshTime: "2025-06-12T10:20:29Z" }, [cond("Ready", "True", "SecretSynced", "secret synced")]), state: "requested" },
  { name: "force-sync: processed, Ready not yet True", step: step("force-sync", "ExternalSecret", { baseline: { syncedResourceVersion: "1-aaa" } }), obj: flux("ExternalSecret", { syncedResourceVersion: "1-bbb" }, [cond("Ready", "Unknown", "", "")]), state: "acknowledged" },
  { name: "force-sync: provider error after the request", step: step("force-sync", "ExternalSecret", { baseline: { readyMessage: "secret synced" } }), obj: flux("ExternalSecret", { refreshTime: "2025-06-12T10:00:00Z" }, [cond("Ready", "False", "SecretSyncedError", "could not get secret data from provider", { lastTransitionTime: "2025-06-12T10:20:31Z" })]), state: "failed", message: "could not get secret data from provider" },
  { name: "force-sync: same old error, still waiting", step: step("force-sync", "ExternalSecret", { baseline: { readyMessage: "item not found" } }), obj: flux("ExternalSecret", {}, [cond("Ready", "False", "SecretSyncedError", "item not found", { lastTransitionTime: "2025-06-12T09:00:00Z" })]), state: "requested", message: /currently: item not found/ },
  { name: "force-sync: still failing at the deadline", step: step("force-sync", "ExternalSecret", { baseline: { readyMessage: "item not found" } }), obj: flux("ExternalSecret", {}, [cond("Ready", "False", "SecretSyncedError", "item not found", { lastTransitionTime: "2025-06-12T09:00:00Z" })]), now: SENT + 300_001, state: "timed-out", message: /item not found/ },
  // restart
  { name: "restart: generation not observed", step: step("restart", "Deployment", { generation: 5 }), obj: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x", namespace: "airflow", generation: 5 }, spec: { replicas: 2 }, status: { observedGeneration: 4, replicas: 2, updatedReplicas: 2, availableReplicas: 2 } }, state: "requested", message: /observe generation 5/ },
  { name: "restart: rolling", step: step("restart", "Deployment", { generation: 5 }), obj: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x", namespace: "airflow", generation: 5 }, spec: { replicas: 2 }, status: { observedGeneration: 5, replicas: 3, updatedReplicas: 1, availableReplicas: 2 } }, state: "reconciling", message: /1 out of 2 new replicas have been updated/ },
  { name: "restart: rolled out", step: step("restart", "Deployment", { generation: 5 }), obj: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x", namespace: "airflow", generation: 5 }, spec: { replicas: 2 }, status: { observedGeneration: 5, replicas: 2, updatedReplicas: 2, availableReplicas: 2 } }, state: "succeeded", message: 'deployment "x" successfully rolled out' },
  { name: "restart: progress deadline exceeded", step: step("restart", "Deployment", { generation: 5 }), obj: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x", namespace: "airflow", generation: 5 }, spec: { replicas: 2 }, status: { observedGeneration: 5, replicas: 2, updatedReplicas: 1, conditions: [cond("Progressing", "False", "ProgressDeadlineExceeded", 'ReplicaSet "x-2" has timed out progressing.')] } }, state: "failed", message: 'ReplicaSet "x-2" has timed out progressing.' },
  { name: "restart: statefulset revision pending", step: step("restart", "StatefulSet", { generation: 3 }), obj: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "x", namespace: "airflow", generation: 3 }, spec: { replicas: 2 }, status: { observedGeneration: 3, replicas: 2, readyReplicas: 2, updatedReplicas: 1, currentRevision: "x-1", updateRevision: "x-2" } }, state: "reconciling" },
  { name: "restart: statefulset done", step: step("restart", "StatefulSet", { generation: 3 }), obj: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "x", namespace: "airflow", generation: 3 }, spec: { replicas: 2 }, status: { observedGeneration: 3, replicas: 2, readyReplicas: 2, updatedReplicas: 2, currentRevision: "x-2", updateRevision: "x-2" } }, state: "succeeded" },
  { name: "restart: timed out while rolling", step: step("restart", "Deployment", { generation: 5 }), obj: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x", namespace: "airflow", generation: 5 }, spec: { replicas: 2 }, status: { observedGeneration: 5, replicas: 3, updatedReplicas: 1, availableReplicas: 2 } }, now: SENT + 400_000, state: "timed-out" },
  // terminal steps stay
  { name: "terminal steps are not re-evaluated", step: step("reconcile", "Kustomization", { state: "succeeded", message: "done" }), obj: undefined, state: "succeeded", message: "done" },
];

describe("step progress table", () => {
  it.each(rows)("$name → $state", ({ step: s, obj, now, state, message, children }) => {
    const p = evaluateStep({ step: s, object: obj, now: now ?? NOW, children });
    expect(p.state).toBe(state);
    if (typeof message === "string") expect(p.message).toBe(message);
    else if (message) expect(p.message).toMatch(message);
  });
});

describe("ClusterExternalSecret force-sync", () => {
  const ces: KubeObject = { apiVersion: "external-secrets.io/v1", kind: "ClusterExternalSecret", metadata: { name: "shared", uid: "u1" }, status: { conditions: [cond("Ready", "True", "", "")] } };
  const es = (ns: string, refreshTime: string, ready = "True"): KubeObject => ({
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: { name: "shared", namespace: ns, ownerReferences: [{ apiVersion: "external-secrets.io/v1", kind: "ClusterExternalSecret", name: "shared", uid: "u1", controller: true }] },
    status: { refreshTime, conditions: [cond("Ready", ready, "", ready === "True" ? "secret synced" : "provider down", { lastTransitionTime: refreshTime })] },
  });
  const s = { ...step("force-sync", "ClusterExternalSecret"), namespace: null };

  it("waits until every ExternalSecret refreshed", () => {
    const p = evaluateStep({ step: s, object: ces, now: NOW, children: [es("a", "2025-06-12T10:20:31Z"), es("b", "2025-06-12T10:00:00Z")] });
    expect(p).toEqual({ state: "reconciling", message: "1 of 2 ExternalSecrets synced" });
  });
  it("succeeds when all refreshed", () => {
    expect(evaluateStep({ step: s, object: ces, now: NOW, children: [es("a", "2025-06-12T10:20:31Z"), es("b", "2025-06-12T10:20:32Z")] })).toEqual({ state: "succeeded", message: "2 ExternalSecrets synced" });
  });
  it("fails with the namespace of a failing one", () => {
    expect(evaluateStep({ step: s, object: ces, now: NOW, children: [es("a", "2025-06-12T10:20:31Z", "False")] })).toEqual({ state: "failed", message: "a/shared: provider down" });
  });
  it("with no ExternalSecrets, succeeds when the CES is Ready", () => {
    expect(evaluateStep({ step: s, object: ces, now: NOW, children: [] }).state).toBe("succeeded");
  });
});

describe("operation state from steps (withSource)", () => {
  const src = (state: OperationState, message = "m") => ({ ...step("reconcile", "GitRepository"), role: "source" as const, state, message });
  const tgt = (state: OperationState, message = "t") => ({ ...step("reconcile", "Kustomization"), state, message });

  it.each([
    { steps: [src("requested")], state: "requested" },
    { steps: [src("requested"), tgt("requested")], state: "requested" },
    { steps: [src("acknowledged"), tgt("requested")], state: "acknowledged" },
    { steps: [src("reconciling"), tgt("requested")], state: "reconciling" },
    { steps: [src("succeeded"), tgt("requested")], state: "reconciling" },
    { steps: [src("succeeded"), tgt("acknowledged")], state: "reconciling" },
    { steps: [src("succeeded"), tgt("succeeded")], state: "succeeded" },
    { steps: [src("failed"), tgt("requested")], state: "failed" },
    { steps: [src("succeeded"), tgt("timed-out")], state: "timed-out" },
  ] as const)("%# → $state", ({ steps, state }) => {
    expect(overallProgress(steps).state).toBe(state);
  });

  it("names the object in multi-step messages", () => {
    expect(overallProgress([src("failed", "auth failed"), tgt("requested")]).message).toBe("GitRepository airflow/x: auth failed");
    expect(overallProgress([tgt("reconciling", "applying")]).message).toBe("applying");
  });
});
