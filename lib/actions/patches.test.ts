import { describe, expect, it } from "vitest";
import {
  FIELD_MANAGER,
  forcePatch,
  forceSyncPatch,
  MERGE_PATCH,
  normalizeReason,
  reconcilePatch,
  resetPatch,
  restartPatch,
  resumePatch,
  suspendPatch,
} from "./patches";

const T = "2025-06-12T10:20:30.123456789Z";

describe("merge patch builders", () => {
  it("write content type and field manager are fixed, and the manager is not kubectl-prefixed", () => {
    expect(MERGE_PATCH).toBe("application/merge-patch+json");
    expect(FIELD_MANAGER).toBe("fluxtower");
    expect(FIELD_MANAGER.startsWith("kubectl")).toBe(false);
  });

  it("reconcile sets only requestedAt", () => {
    expect(reconcilePatch(T)).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": T } } });
  });

  it("force and reset carry the same token as requestedAt", () => {
    expect(forcePatch(T)).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": T, "reconcile.fluxcd.io/forceAt": T } } });
    expect(resetPatch(T)).toEqual({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": T, "reconcile.fluxcd.io/resetAt": T } } });
  });

  it("suspend sets spec.suspend and who (subject, display name)/why/when", () => {
    expect(suspendPatch({ subject: "oidc:alice", displayName: "Alice", reason: "DB maintenance", at: "2025-06-12T10:20:30Z" })).toEqual({
      spec: { suspend: true },
      metadata: {
        annotations: {
          "fluxcd.controlplane.io/suspendedBy": "oidc:alice",
          "fluxtower.dev/suspended-by-name": "Alice",
          "fluxtower.dev/suspended-reason": "DB maintenance",
          "fluxtower.dev/suspended-at": "2025-06-12T10:20:30Z",
        },
      },
    });
  });

  it("resume removes spec.suspend and the annotations with null (never suspend: false) and requests a reconcile", () => {
    const p = resumePatch(T);
    expect(p).toEqual({
      spec: { suspend: null },
      metadata: {
        annotations: {
          "fluxcd.controlplane.io/suspendedBy": null,
          "fluxtower.dev/suspended-by-name": null,
          "fluxtower.dev/suspended-reason": null,
          "fluxtower.dev/suspended-at": null,
          "reconcile.fluxcd.io/requestedAt": T,
        },
      },
    });
    expect(JSON.stringify(p)).not.toContain("false");
  });

  it("force-sync uses `force-sync` on ExternalSecrets and `external-secrets.io/force-sync` on ClusterExternalSecrets", () => {
    expect(forceSyncPatch("ExternalSecret", "1718187630")).toEqual({ metadata: { annotations: { "force-sync": "1718187630" } } });
    expect(forceSyncPatch("ClusterExternalSecret", "1718187630")).toEqual({ metadata: { annotations: { "external-secrets.io/force-sync": "1718187630" } } });
  });

  it("restart patches the pod template annotation only", () => {
    expect(restartPatch("2025-06-12T10:20:30Z")).toEqual({
      spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2025-06-12T10:20:30Z" } } } },
    });
  });

  it("reasons are one bounded printable line", () => {
    expect(normalizeReason("  DB\n\tmaintenance \u0007 window ")).toBe("DB maintenance window");
    expect(normalizeReason(undefined)).toBe("");
    expect(normalizeReason("x".repeat(600))).toHaveLength(500);
  });
});
