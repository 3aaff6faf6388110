import { describe, expect, it } from "vitest";
import { shutdownConfig } from "./config";

describe("shutdownConfig", () => {
  it.each([
    [{}, { delayMs: 0, graceMs: 25_000 }],
    [{ FLUXTOWER_SHUTDOWN_DELAY_SECONDS: "5", FLUXTOWER_SHUTDOWN_GRACE_SECONDS: "" }, { delayMs: 5_000, graceMs: 25_000 }],
    [{ FLUXTOWER_SHUTDOWN_DELAY_SECONDS: "1.5", FLUXTOWER_SHUTDOWN_GRACE_SECONDS: "10" }, { delayMs: 1_500, graceMs: 10_000 }],
  ])("%j", (env, expected) => expect(shutdownConfig(env)).toEqual(expected));

  it("refuses a negative delay naming the variable", () => {
    expect(() => shutdownConfig({ FLUXTOWER_SHUTDOWN_DELAY_SECONDS: "-1" })).toThrow(/FLUXTOWER_SHUTDOWN_DELAY_SECONDS/);
  });
});
