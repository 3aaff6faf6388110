import { describe, expect, it } from "vitest";
import { parseSteps, toOperationView, type OperationRow } from "./view";

const row = (over: Partial<OperationRow> = {}): OperationRow => ({
  id: "op1",
  cluster: "demo",
  action: "reset",
  resource: "helmreleases",
  namespace: "airflow",
  name: "airflow",
  withSource: false,
  reason: null,
  token: "t",
  state: "reconciling",
  message: "Running 'install' action",
  steps: JSON.stringify([{ resource: "helmreleases", kind: "HelmRelease", namespace: "airflow", name: "airflow", role: "target", progress: "reset", state: "reconciling", message: "m", actor: "operator", timeoutMs: 300000, token: "t", baseline: { failures: 4 } }]),
  user: "operator",
  groups: '["fluxtower:operators"]',
  requestId: "r1",
  createdAt: new Date("2025-06-12T10:00:00Z"),
  updatedAt: new Date("2025-06-12T10:00:05Z"),
  acknowledgedAt: new Date("2025-06-12T10:00:02Z"),
  finishedAt: null,
  timeoutAt: new Date("2025-06-12T10:05:00Z"),
  ...over,
});

describe("operation view", () => {
  it("maps a stored row to the API shape, with the kind and without internal step fields", () => {
    const v = toOperationView(row());
    expect(v).toMatchObject({
      id: "op1",
      action: "reset",
      target: { resource: "helmreleases", kind: "HelmRelease", namespace: "airflow", name: "airflow" },
      state: "reconciling",
      user: "operator",
      startedAt: "2025-06-12T10:00:00.000Z",
      acknowledgedAt: "2025-06-12T10:00:02.000Z",
      finishedAt: null,
    });
    expect(v.steps[0]).not.toHaveProperty("actor");
    expect(v.steps[0]).not.toHaveProperty("baseline");
    expect(v.steps[0].token).toBe("t");
  });

  it("an unknown stored state is shown as failed; broken steps JSON throws naming the operation", () => {
    expect(toOperationView(row({ state: "weird" })).state).toBe("failed");
    expect(() => parseSteps({ id: "op9", steps: "{" })).toThrow(/Operation op9: steps is not valid JSON/);
    expect(() => parseSteps({ id: "op9", steps: "{}" })).toThrow(/not a JSON array/);
  });
});
