import { describe, expect, it } from "vitest";
import { summary } from "./fixtures/summaries";
import { parseChangeEvent, parseStatusEvent } from "./stream-events";

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
