import { describe, expect, it } from "vitest";
import { actorForStep, cancelRequestText, creatorOf, keepActor, parseCancelRequest, withActor, type Actor } from "./actors";
import type { StepRecord } from "./types";

// The identities as lib/auth builds them: a demo user, and an OIDC user (subject "<issuer>|<sub>", kube user and
// groups with the configured "oidc:" prefix).
const creator = creatorOf({ createdBy: "admin", createdBySubject: "demo:admin", kubeUser: "admin", groups: ["fluxtower:admins"] });
const alice: Actor = { name: "alice", subject: "http://127.0.0.1:40111|alice", kubeUser: "oidc:alice", groups: ["oidc:fluxtower-admins"], via: "rollback" };

function step(index: number, name: string, detail: StepRecord["detail"] = {}, phase: StepRecord["phase"] = "forward"): StepRecord {
  return { index, name, phase, state: "succeeded", message: "", at: new Date(0), startedAt: null, finishedAt: null, detail };
}

describe("actorForStep", () => {
  const forward = [step(0, "backup"), step(1, "stage"), step(2, "write", { confirmedBy: "alice" }), step(3, "finish")];
  it.each([
    { why: "nobody took over: every step runs as the creator", steps: forward, index: 3, want: "admin" },
    {
      why: "a roll back after success: the rollback steps run as who asked, the forward ones stay the creator's",
      steps: [...forward, step(4, "restore", withActor({ reason: "requested by alice" }, alice), "rollback"), step(5, "cleanup", {}, "rollback")],
      index: 5,
      want: "oidc:alice",
    },
    { why: "the forward steps before a roll back keep their actor", steps: [...forward, step(4, "restore", withActor({}, alice), "rollback")], index: 3, want: "admin" },
    {
      why: "a confirmation hands the confirmed step and the rest over",
      steps: [step(0, "backup"), step(1, "await-deploy-key", withActor({ confirmedBy: "alice" }, { ...alice, via: "confirm" })), step(2, "write")],
      index: 2,
      want: "oidc:alice",
    },
    { why: "a malformed actor is ignored (the creator stays)", steps: [step(0, "backup", { actor: { name: "x", kubeUser: "system:masters" } }), step(1, "stage")], index: 1, want: "admin" },
  ])("$why", ({ steps, index, want }) => {
    expect(actorForStep(creator, steps, index).kubeUser).toBe(want);
  });
});

describe("keepActor", () => {
  it("keeps the hand-over when a step replaces its detail wholesale", () => {
    const before = withActor({ confirmedBy: "alice" }, alice);
    expect(keepActor(before, { job: "airflow-fernet-key-rotate-fernet-1a2b3c4d" })).toEqual({ job: "airflow-fernet-key-rotate-fernet-1a2b3c4d", actor: before.actor });
    expect(keepActor({}, { job: "j" })).toEqual({ job: "j" });
  });
});

describe("cancel requests", () => {
  it("store the canceller's identity in cancelRequestedBy and read rows from before as a bare name", () => {
    const text = cancelRequestText({ ...alice, via: "cancel" });
    expect(parseCancelRequest(text)).toEqual({ name: "alice", actor: { ...alice, via: "cancel" } });
    expect(parseCancelRequest("admin")).toEqual({ name: "admin", actor: undefined });
    expect(parseCancelRequest(null)).toEqual({ name: null, actor: undefined });
    expect(parseCancelRequest('{"name":"x"}')).toEqual({ name: '{"name":"x"}', actor: undefined });
  });
});
