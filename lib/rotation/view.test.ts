import { describe, expect, it } from "vitest";
import { withActor } from "./actors";
import type { RotationRecord, StepRecord } from "./types";
import { pausedReason, toRotationView } from "./view";

const now = new Date("2026-03-01T12:00:00Z");
const hour = 3_600_000;

// A generic rotation of the demo's airflow/airflow-smtp as the journal stores it.
const base: RotationRecord = {
  id: "cm9x8y7z6w5v4u3t2s1r0q9p",
  cluster: "demo",
  namespace: "airflow",
  secret: "airflow-smtp",
  kind: "generic",
  key: "password",
  options: { backupGraceHours: 72, timeoutMinutes: 10 },
  plan: { manager: { type: "manual" }, write: { type: "direct" }, consumers: [{ resource: "deployments", kind: "Deployment", namespace: "airflow", name: "airflow-scheduler", restartable: true }], warnings: [] },
  state: "running",
  phase: "forward",
  stepIndex: 2,
  pointOfNoReturn: false,
  backupSecret: "airflow-smtp-backup-s1r0q9p",
  stagedSecret: "airflow-smtp-rotation-s1r0q9p",
  backupExpiresAt: null,
  backupDeletedAt: null,
  cancelRequestedAt: null,
  cancelRequestedBy: null,
  createdBy: "admin",
  createdBySubject: "demo:admin",
  groups: ["fluxtower:admins"],
  kubeUser: "admin",
  requestId: "req-1",
  createdAt: new Date(now.getTime() - hour),
  updatedAt: now,
  finishedAt: null,
  message: "running",
  leaseUntil: null,
};

describe("pausedReason (read-only mode)", () => {
  it.each([
    { why: "writable: never paused", r: base, readOnly: false, want: null },
    { why: "an unfinished rotation nobody drives", r: base, readOnly: true, want: /^paused: read-only mode/ },
    { why: "an unfinished rotation another (writable) replica drives", r: { ...base, leaseUntil: new Date(now.getTime() + 10_000) }, readOnly: true, want: null },
    { why: "a finished one whose backup is past its grace period", r: { ...base, state: "succeeded" as const, backupExpiresAt: new Date(now.getTime() - hour) }, readOnly: true, want: /^backup deletion paused: read-only mode/ },
    { why: "a finished one whose backup is still in its grace period", r: { ...base, state: "succeeded" as const, backupExpiresAt: new Date(now.getTime() + hour) }, readOnly: true, want: null },
    { why: "a finished one whose backup is gone", r: { ...base, state: "rolled-back" as const, backupDeletedAt: now }, readOnly: true, want: null },
  ])("$why", ({ r, readOnly, want }) => {
    const got = pausedReason(r, { readOnly, now });
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});

describe("toRotationView: who each step ran as", () => {
  it("names the user who rolled back on the rollback steps", () => {
    const step = (index: number, name: string, phase: StepRecord["phase"], detail: StepRecord["detail"] = {}): StepRecord => ({ index, name, phase, state: "succeeded", message: "", at: now, startedAt: now, finishedAt: now, detail });
    const alice = { name: "alice", subject: "https://idp.example|alice", kubeUser: "oidc:alice", groups: ["oidc:fluxtower-admins"], via: "rollback" as const };
    const steps = [step(0, "backup", "forward"), step(1, "write", "forward"), step(2, "restore", "rollback", withActor({ reason: "requested by alice" }, alice)), step(3, "cleanup", "rollback")];
    const view = toRotationView({ ...base, state: "rolled-back", phase: "rollback" }, steps, { readOnly: false, now });
    expect(view.steps.map((s) => s.actedBy)).toEqual(["admin", "admin", "alice", "alice"]);
    expect(JSON.stringify(view)).not.toContain("oidc:fluxtower-admins");
  });
});
