import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { baselineOf, eventMessage, stepRequest, wouldBeNoop, writtenValue } from "./step-request";
import type { ProgressKind, StepRecord } from "./types";

const T = "2025-06-12T10:20:30.123456789Z";
const NOW = Date.parse("2025-06-12T10:20:30.500Z");
const step = (progress: ProgressKind, kind = "HelmRelease"): StepRecord => ({
  resource: "x", kind, namespace: "airflow", name: "x", role: "target", progress, state: "requested", message: "", actor: "operator", timeoutMs: 300_000,
});
const input = { nowMs: NOW, fluxToken: () => T, user: "alice", reason: "maintenance" };

describe("step requests", () => {
  it.each<[ProgressKind, string, string]>([
    ["reconcile", "HelmRelease", T],
    ["force", "HelmRelease", T],
    ["reset", "HelmRelease", T],
    ["resume", "HelmRelease", T],
    ["suspend", "HelmRelease", "2025-06-12T10:20:30Z"],
    ["force-sync", "ExternalSecret", "1749723630"],
    ["restart", "Deployment", "2025-06-12T10:20:30Z"],
  ])("%s writes token %s and the patch carries it where it is read back", (progress, kind, token) => {
    const s = step(progress, kind);
    const req = stepRequest(s, input);
    expect(req.token).toBe(token);
    // Apply the merge patch's annotations to an object and read the written value back.
    const p = req.patch as { metadata?: { annotations?: Record<string, string> }; spec?: { template?: { metadata: { annotations: Record<string, string> } } } };
    const obj: KubeObject = {
      apiVersion: "v1",
      kind,
      metadata: { name: "x", annotations: p.metadata?.annotations ?? {} },
      spec: p.spec?.template ? { template: p.spec.template } : {},
    };
    expect(writtenValue(s, obj)).toBe(token);
  });

  it("suspend records who (the step's impersonated user, then the display name) and why", () => {
    const patch = JSON.stringify(stepRequest(step("suspend"), input).patch);
    expect(patch).toContain('"fluxcd.controlplane.io/suspendedBy":"operator"');
    expect(patch).toContain('"fluxtower.dev/suspended-by-name":"alice"');
    expect(patch).toContain('"fluxtower.dev/suspended-reason":"maintenance"');
  });

  it("second-precision values that are already there would be a no-op", () => {
    const dep: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2025-06-12T10:20:30Z" } } } } };
    expect(wouldBeNoop(step("restart", "Deployment"), dep, "2025-06-12T10:20:30Z")).toBe(true);
    expect(wouldBeNoop(step("restart", "Deployment"), dep, "2025-06-12T10:20:31Z")).toBe(false);
    expect(wouldBeNoop(step("reconcile"), dep, "2025-06-12T10:20:30Z")).toBe(false);
  });

  it("baseline keeps what evaluation compares against", () => {
    const es: KubeObject = {
      apiVersion: "v1", kind: "ExternalSecret", metadata: { name: "x" },
      status: { syncedResourceVersion: "1-a", failures: 3, conditions: [{ type: "Ready", status: "False", message: "boom", lastTransitionTime: "2025-06-12T10:00:00Z" }] },
    };
    expect(baselineOf(es)).toEqual({ syncedResourceVersion: "1-a", readyMessage: "boom", readyTransition: "2025-06-12T10:00:00Z", failures: 3 });
  });

  it("event messages name the user, groups, action and token", () => {
    expect(eventMessage({ subject: "alice", user: "alice", groups: ["fluxtower:operators"], action: "suspend", step: step("suspend"), target: "HelmRelease airflow/x", token: "t1", reason: "maintenance" })).toBe(
      "alice (groups fluxtower:operators) requested suspend through Fluxtower (token t1): maintenance",
    );
    expect(eventMessage({ subject: "bob", user: "bob", groups: [], action: "reconcile", step: { ...step("reconcile"), role: "source" }, target: "HelmRelease airflow/x", token: "t2", reason: null })).toBe(
      "bob requested reconcile of this source, before HelmRelease airflow/x through Fluxtower (token t2)",
    );
  });
});
