import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { ownerIsDead } from "./lease-owner";
import { gitSyncNotReady, rolloutState } from "./rollout";

const TOKEN = "2025-06-01T10:00:00Z";

function deployment(status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "apps", generation: 2 },
    spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: {} },
    status: { observedGeneration: 2, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1, ...status },
  };
}

function pod(name: string, created: string, status: Record<string, unknown>): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "apps", labels: { app: "web" }, creationTimestamp: created }, spec: {}, status };
}

const crashing = { phase: "Running", containerStatuses: [{ name: "main", ready: false, restartCount: 2, state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 20s" } } }] };
const ready = { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containerStatuses: [{ name: "main", ready: true, restartCount: 0, state: { running: {} } }, { name: "git-sync", ready: true, state: { running: {} } }] };

describe("rolloutState", () => {
  it("waits for the controller to observe our generation, then follows kubectl rollout status", () => {
    expect(rolloutState({ workload: deployment({ observedGeneration: 1 }), generation: 2, token: TOKEN, pods: [], now: 0 }).state).toBe("waiting");
    expect(rolloutState({ workload: deployment({}), generation: 2, token: TOKEN, pods: [], now: 0 }).state).toBe("done");
  });

  it("fails at once when a pod started after the restart is crash-looping; older pods do not count", () => {
    const fresh = pod("web-new", "2025-06-01T10:00:03Z", crashing);
    const failed = rolloutState({ workload: deployment({ updatedReplicas: 0 }), generation: 2, token: TOKEN, pods: [fresh], now: 0 });
    expect(failed.state).toBe("failed");
    expect(failed.message).toContain("pod web-new is unhealthy");
    expect(failed.message).toContain("CrashLoopBackOff");
    const old = pod("web-old", "2025-06-01T09:00:00Z", crashing);
    expect(rolloutState({ workload: deployment({}), generation: 2, token: TOKEN, pods: [old], now: 0 }).state).toBe("done");
  });

  it("reports git-sync containers that are not ready in the new pods", () => {
    const notReady = { ...ready, containerStatuses: [{ name: "git-sync", ready: false }] };
    expect(gitSyncNotReady({ workload: deployment({}), generation: 2, token: TOKEN, pods: [pod("a", "2025-06-01T10:00:01Z", notReady)], now: 0 })).toContain("git-sync");
    expect(gitSyncNotReady({ workload: deployment({}), generation: 2, token: TOKEN, pods: [pod("a", "2025-06-01T10:00:01Z", ready)], now: 0 })).toBe("");
  });
});

describe("ownerIsDead", () => {
  const self = "host-a:100:aaaa";
  it("is true only for a gone process of this host (or this pid with another nonce)", () => {
    expect(ownerIsDead("host-a:200:bbbb", self, () => false)).toBe(true);
    expect(ownerIsDead("host-a:200:bbbb", self, () => true)).toBe(false);
    expect(ownerIsDead("host-a:100:cccc", self, () => true)).toBe(true);
    expect(ownerIsDead(self, self, () => true)).toBe(false);
    expect(ownerIsDead("host-b:200:bbbb", self, () => false)).toBe(false);
  });
});
