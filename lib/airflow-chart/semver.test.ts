// Helm's semverCompare (Masterminds semver v3) as the chart uses it on .Values.airflowVersion.
import { describe, expect, it } from "vitest";
import { isAirflow3, isBeforeAirflow3, semverCompare } from "./semver";

describe("semverCompare", () => {
  it.each([
    ["3.0.2", true, false],
    ["3.0.0", true, false],
    ["2.10.5", false, true],
    ["v3.1.7", true, false],
    ["3", true, false],
    ["2.9", false, true],
    // A pre-release matches no constraint without a pre-release: neither ≥ 3 nor < 3.
    ["3.0.0-rc1", false, false],
    ["3.0.0rc1", false, false],
    ["latest", false, false],
  ])("%s: ≥3 %s, <3 %s", (version, ge3, lt3) => {
    expect(isAirflow3(version)).toBe(ge3);
    expect(isBeforeAirflow3(version)).toBe(lt3);
  });

  it("compares minor and patch numerically", () => {
    expect(semverCompare(">=", "2.6.0", "2.10.0")).toBe(true);
    expect(semverCompare("<", "2.4.0", "2.3.9")).toBe(true);
    expect(semverCompare(">=", "2.2.0", "2.1.4")).toBe(false);
  });
});
