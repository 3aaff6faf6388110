import { describe, expect, it } from "vitest";
import { staleBannerText } from "./cluster-status";
import { age, formatClock, formatDurationShort, timeAgo } from "./format-time";

const now = Date.parse("2024-05-01T12:00:00Z");

describe("formatDurationShort", () => {
  it.each([
    [0, "0s"],
    [59_000, "59s"],
    [60_000, "1m"],
    [3_599_000, "59m"],
    [3_600_000, "1h"],
    [47 * 3_600_000, "47h"],
    [48 * 3_600_000, "2d"],
    [800 * 86_400_000, "2y"],
    [-5_000, "0s"],
  ])("%d ms → %s", (ms, text) => expect(formatDurationShort(ms)).toBe(text));
});

describe("timeAgo / age", () => {
  it.each([
    ["2024-05-01T11:57:00Z", "3m ago", "3m"],
    ["2024-05-01T11:59:58Z", "just now", "2s"],
    ["2024-05-01T12:00:30Z", "just now", "0s"],
    [null, "—", "—"],
    ["garbage", "—", "—"],
  ])("%s", (iso, ago, a) => {
    expect(timeAgo(iso, now)).toBe(ago);
    expect(age(iso, now)).toBe(a);
  });
});

describe("formatClock", () => {
  it("formats local wall-clock time", () => {
    expect(formatClock(new Date(2024, 4, 1, 9, 5, 7).toISOString())).toBe("09:05:07");
    expect(formatClock(null)).toBe("—");
  });
});

describe("staleBannerText", () => {
  const since = new Date(2024, 4, 1, 13, 4, 5).toISOString();
  it.each([
    [{ status: "stale" as const, staleSince: since, lastSyncAt: null }, "cluster unreachable — showing data from 13:04:05"],
    [{ status: "stale" as const, staleSince: null, lastSyncAt: since }, "cluster unreachable — showing data from 13:04:05"],
    [{ status: "stale" as const, staleSince: null, lastSyncAt: null }, "cluster unreachable — showing the last known data"],
    [{ status: "connected" as const, staleSince: null, lastSyncAt: since }, null],
    [null, null],
  ])("%#", (status, text) => expect(staleBannerText(status)).toBe(text));
});
