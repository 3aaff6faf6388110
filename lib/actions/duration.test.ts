import { describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, formatTimeout, parseGoDuration, timeoutFor } from "./duration";

describe("Go durations and operation timeouts", () => {
  it.each([
    ["5m", 300_000],
    ["1h30m", 5_400_000],
    ["2.5s", 2_500],
    ["300ms", 300],
    ["1m0s", 60_000],
    ["0", 0],
    ["0s", 0],
    ["10", undefined],
    ["five minutes", undefined],
    ["", undefined],
  ])("%s → %s", (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it("uses spec.timeout when positive, else 5 minutes", () => {
    const obj = (timeout?: unknown) => ({ apiVersion: "v1", kind: "HelmRelease", metadata: { name: "x" }, spec: timeout === undefined ? {} : { timeout } });
    expect(timeoutFor(obj("10m"))).toBe(600_000);
    expect(timeoutFor(obj())).toBe(DEFAULT_TIMEOUT_MS);
    expect(timeoutFor(obj("0s"))).toBe(DEFAULT_TIMEOUT_MS);
    expect(timeoutFor(obj("bogus"))).toBe(DEFAULT_TIMEOUT_MS);
    expect(timeoutFor(obj(42))).toBe(DEFAULT_TIMEOUT_MS);
  });

  it("formats like Go", () => {
    expect(formatTimeout(300_000)).toBe("5m0s");
    expect(formatTimeout(5_400_000)).toBe("1h30m0s");
    expect(formatTimeout(42_000)).toBe("42s");
  });
});
