import { describe, expect, it } from "vitest";
import { metricsConfig } from "./config";

describe("metricsConfig", () => {
  it.each([
    [{}, { port: 9464, host: "127.0.0.1" }],
    [{ FLUXTOWER_METRICS_PORT: "", FLUXTOWER_METRICS_HOST: "" }, { port: 9464, host: "127.0.0.1" }],
    [{ FLUXTOWER_METRICS_PORT: "9100", FLUXTOWER_METRICS_HOST: "0.0.0.0" }, { port: 9100, host: "0.0.0.0" }],
    [{ FLUXTOWER_METRICS_PORT: "0" }, { port: 0, host: "127.0.0.1" }],
    [{ FLUXTOWER_METRICS_HOST: "::" }, { port: 9464, host: "::" }],
  ])("%j", (env, expected) => expect(metricsConfig(env)).toEqual(expected));

  it.each([
    [{ FLUXTOWER_METRICS_PORT: "70000" }, /FLUXTOWER_METRICS_PORT/],
    [{ FLUXTOWER_METRICS_PORT: "abc" }, /FLUXTOWER_METRICS_PORT/],
    [{ FLUXTOWER_METRICS_HOST: "metrics.example.com" }, /FLUXTOWER_METRICS_HOST/],
  ])("refuses %j naming the variable", (env, message) => expect(() => metricsConfig(env)).toThrow(message));
});
