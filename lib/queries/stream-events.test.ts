import { describe, expect, it } from "vitest";
import { summary } from "./fixtures/summaries";
import { parseChangeEvent, parseEventChange, parseStatusEvent } from "./stream-events";

describe("parseChangeEvent", () => {
  it("accepts a change event", () => {
    const s = summary("helmreleases", "airflow", "airflow", "Suspended");
    const e = parseChangeEvent(JSON.stringify({ type: "MODIFIED", summary: s, seenAt: 42 }));
    expect(e).toEqual({ type: "MODIFIED", summary: s, seenAt: 42 });
  });

  it.each([
    ["not json", "{"],
    ["unknown type", JSON.stringify({ type: "BOOKMARK", summary: summary("pods", "a", "b") })],
    ["no summary", JSON.stringify({ type: "ADDED" })],
    ["bad health", JSON.stringify({ type: "ADDED", summary: { ...summary("pods", "a", "b"), health: { status: "Great" } } })],
  ])("rejects %s", (_, data) => {
    expect(parseChangeEvent(data)).toBeNull();
  });
});

describe("parseStatusEvent", () => {
  it("normalises missing times to null", () => {
    expect(parseStatusEvent(JSON.stringify({ cluster: "demo", status: { status: "connected", message: "watching" } }))).toEqual({
      cluster: "demo",
      status: { status: "connected", staleSince: null, lastSyncAt: null, message: "watching" },
    });
  });

  it("keeps stale times", () => {
    const e = parseStatusEvent(JSON.stringify({ cluster: "demo", status: { status: "stale", staleSince: "2024-05-01T10:00:00Z", lastSyncAt: "2024-05-01T09:59:00Z", message: "x" } }));
    expect(e?.status.staleSince).toBe("2024-05-01T10:00:00Z");
  });

  it("rejects unknown states", () => {
    expect(parseStatusEvent(JSON.stringify({ cluster: "demo", status: { status: "sleepy" } }))).toBeNull();
  });
});

describe("parseEventChange", () => {
  const event = {
    type: "Warning",
    reason: "InstallFailed",
    message: "Helm install failed for release airflow/airflow with chart airflow@1.18.0: context deadline exceeded",
    count: 3,
    firstTimestamp: "2026-11-22T10:00:00Z",
    lastTimestamp: "2026-11-22T10:05:00Z",
    source: "helm-controller",
    involved: { kind: "HelmRelease", namespace: "airflow", name: "airflow" },
  };

  it("accepts an event as the stream sends it", () => {
    expect(parseEventChange(JSON.stringify({ type: "ADDED", namespace: "airflow", event }))).toEqual({ type: "ADDED", namespace: "airflow", event });
  });

  it.each([
    ["not json", "{"],
    ["a deletion", JSON.stringify({ type: "DELETED", namespace: "airflow", event })],
    ["no involved object", JSON.stringify({ type: "ADDED", namespace: "airflow", event: { ...event, involved: undefined } })],
    ["a count that is not a number", JSON.stringify({ type: "MODIFIED", namespace: "airflow", event: { ...event, count: "3" } })],
  ])("rejects %s", (_, data) => {
    expect(parseEventChange(data)).toBeNull();
  });
});
