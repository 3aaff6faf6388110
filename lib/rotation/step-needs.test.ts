import { describe, expect, it } from "vitest";
import { needsOfSteps, stepsAfterConfirm, stepsOfRollback } from "./step-needs";
import type { RotationRecord } from "./types";

// Plans as prepare.ts stores them for the demo scenario: airflow/airflow-smtp (a hand-made Secret read by the
// scheduler) and airflow/airflow-git-ssh (ESO-managed from a writable 1Password store, mounted by git-sync).
const scheduler = { resource: "deployments" as const, kind: "Deployment", namespace: "airflow", name: "airflow-scheduler", restartable: true };
const smtp: Pick<RotationRecord, "secret" | "plan" | "backupSecret" | "stagedSecret" | "pointOfNoReturn"> = {
  secret: "airflow-smtp",
  plan: { manager: { type: "manual" }, write: { type: "direct" }, consumers: [scheduler], warnings: [] },
  backupSecret: "airflow-smtp-backup-9x8y7z6w",
  stagedSecret: "airflow-smtp-rotation-9x8y7z6w",
  pointOfNoReturn: false,
};
const gitSsh: typeof smtp = {
  secret: "airflow-git-ssh",
  plan: {
    manager: { type: "external-secret", externalSecret: "airflow-git-ssh", namespace: "airflow", store: { kind: "ClusterSecretStore", name: "onepassword" }, providerType: "onepassword", refreshPolicy: "Periodic", refreshInterval: "1h" },
    write: { type: "upstream", externalSecret: "airflow-git-ssh", store: { kind: "ClusterSecretStore", name: "onepassword" }, providerType: "onepassword", remote: { item: "airflow-git", property: "private key", via: "data", transform: "identity" }, adapter: "push-secret" },
    consumers: [scheduler],
    warnings: [],
  },
  backupSecret: "airflow-git-ssh-backup-1a2b3c4d",
  stagedSecret: "airflow-git-ssh-rotation-1a2b3c4d",
  pointOfNoReturn: false,
};
const named = (r: typeof smtp, steps: string[]) => needsOfSteps(steps, r).map((n) => `${n.verb} ${n.resource}${n.name ? ` ${n.name}` : ""}`);

describe("what the steps a user asks for write", () => {
  it.each([
    {
      why: "rolling back a plain Secret: patch it from the backup, restart its reader, delete staged and backup",
      r: smtp,
      steps: stepsOfRollback(smtp),
      want: ["get secrets", "patch secrets airflow-smtp", "patch deployments airflow-scheduler", "delete secrets airflow-smtp-rotation-9x8y7z6w", "delete secrets airflow-smtp-backup-9x8y7z6w"],
    },
    {
      why: "rolling back an ESO-managed Secret: the previous value goes upstream through a PushSecret, then a force-sync",
      r: gitSsh,
      steps: stepsOfRollback(gitSsh),
      want: [
        "get secrets",
        "create pushsecrets",
        "get pushsecrets",
        "delete pushsecrets",
        "create secrets",
        "delete secrets",
        "patch externalsecrets airflow-git-ssh",
        "patch deployments airflow-scheduler",
        "delete secrets airflow-git-ssh-rotation-1a2b3c4d",
        "delete secrets airflow-git-ssh-backup-1a2b3c4d",
      ],
    },
  ])("$why", ({ r, steps, want }) => {
    expect(named(r, steps)).toEqual(want);
  });

  it("confirming the deploy key covers the rest of the journal and the rollback a failure would start", () => {
    const forward = ["backup", "stage", "await-deploy-key", "write", "sync", "restart", "verify-git-sync", "finish"].map((name, index) => ({ name, index, phase: "forward" }));
    expect(stepsAfterConfirm(gitSsh, forward, 2)).toEqual(["await-deploy-key", "write", "sync", "restart", "verify-git-sync", "finish", "restore", "restore-sync", "restore-restart", "restore-verify", "cleanup"]);
    expect(stepsAfterConfirm({ ...gitSsh, pointOfNoReturn: true }, forward, 2)).not.toContain("restore");
    expect(named(gitSsh, stepsAfterConfirm(gitSsh, forward, 2))).toContain("patch externalsecrets airflow-git-ssh");
  });

  it("steps that only wait on the cache need nothing", () => {
    expect(needsOfSteps(["verify", "verify-git-sync", "restore-verify", "await-deploy-key"], smtp)).toEqual([]);
  });
});
