import { describe, expect, it } from "vitest";
import { forwardSteps, rollbackSteps, undoSteps } from "./flows";
import type { RotationPlan, StepRecord } from "./types";

const consumer = { resource: "deployments" as const, kind: "Deployment", namespace: "airflow", name: "airflow-scheduler", restartable: true };
const direct: Pick<RotationPlan, "write" | "consumers"> = { write: { type: "direct" }, consumers: [consumer] };
const eso: Pick<RotationPlan, "write" | "consumers"> = {
  write: { type: "upstream", externalSecret: "es", store: { kind: "ClusterSecretStore", name: "onepassword" }, providerType: "onepassword", remote: { item: "i", property: "p", via: "data", transform: "identity" }, adapter: "push-secret" },
  consumers: [consumer],
};

function step(name: string, state: StepRecord["state"], phase: StepRecord["phase"] = "forward"): StepRecord {
  return { index: 0, name, phase, state, message: "", at: new Date(0), startedAt: null, finishedAt: null, detail: {} };
}

describe("forwardSteps", () => {
  it("patches plain Secrets and syncs ESO-managed ones after every write", () => {
    expect(forwardSteps("generic", direct)).toEqual(["backup", "stage", "write", "restart", "verify", "finish"]);
    expect(forwardSteps("airflow-api-secret", eso)).toEqual(["backup", "stage", "write", "sync", "restart", "verify", "finish"]);
  });

  it("orders the Fernet flow new,old → restart → Job → new → restart", () => {
    expect(forwardSteps("airflow-fernet", eso)).toEqual(["backup", "stage", "write-new-old", "sync-new-old", "restart", "verify", "reencrypt", "write-new", "sync-new", "restart-2", "verify-2", "finish"]);
  });

  it("runs ALTER ROLE before the write, and waits for the deploy key before the swap", () => {
    expect(forwardSteps("airflow-metadata-password", direct).slice(0, 4)).toEqual(["backup", "stage", "alter-role", "write"]);
    expect(forwardSteps("git-ssh-key", eso)).toEqual(["backup", "stage", "await-deploy-key", "write", "sync", "restart", "verify-git-sync", "finish"]);
  });

  it("skips restarts when no Deployment or StatefulSet reads the Secret", () => {
    expect(forwardSteps("generic", { write: { type: "direct" }, consumers: [] })).toEqual(["backup", "stage", "write", "finish"]);
  });
});

describe("rollbackSteps", () => {
  it("only cleans up when nothing was written", () => {
    expect(rollbackSteps(direct, [step("backup", "succeeded"), step("stage", "succeeded"), step("await-deploy-key", "skipped"), step("write", "pending")])).toEqual(["cleanup"]);
  });

  it("restores, syncs and restarts once a write started", () => {
    const steps = [step("backup", "succeeded"), step("stage", "succeeded"), step("write", "succeeded"), step("sync", "failed"), step("restart", "pending")];
    expect(rollbackSteps(eso.write ? eso : direct, steps)).toEqual(["restore", "restore-sync", "restore-restart", "restore-verify", "cleanup"]);
    expect(rollbackSteps(direct, [step("write", "running")])).toEqual(["restore", "restore-restart", "restore-verify", "cleanup"]);
  });

  it("undo of a succeeded rotation restores everything", () => {
    expect(undoSteps(eso)).toEqual(["restore", "restore-sync", "restore-restart", "restore-verify", "cleanup"]);
    expect(undoSteps({ write: { type: "direct" }, consumers: [] })).toEqual(["restore", "cleanup"]);
  });
});
