import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.publicUrl.origin).toBe("http://127.0.0.1:3000");
    expect(e.FLUXTOWER_DEMO_MODE).toBe(false);
    expect(e.FLUXTOWER_DEMO_PASSWORD).toBe("demo");
    expect(e.FLUXTOWER_READ_ONLY).toBe(false);
  });

  it("derives the public URL from PORT when unset", () => {
    expect(parseEnv({ PORT: "3100" }).publicUrl.origin).toBe("http://127.0.0.1:3100");
  });

  it.each([
    { env: { PORT: "http" }, variable: "PORT" },
    { env: { PORT: "70000" }, variable: "PORT" },
    { env: { DATABASE_URL: "mysql://x" }, variable: "DATABASE_URL" },
    { env: { FLUXTOWER_PUBLIC_URL: "not a url" }, variable: "FLUXTOWER_PUBLIC_URL" },
    { env: { FLUXTOWER_PUBLIC_URL: "ftp://x.example" }, variable: "FLUXTOWER_PUBLIC_URL" },
    { env: { FLUXTOWER_READ_ONLY: "maybe" }, variable: "FLUXTOWER_READ_ONLY" },
    { env: { FLUXTOWER_LOG_LEVEL: "loud" }, variable: "FLUXTOWER_LOG_LEVEL" },
  ])("rejects $env naming $variable", ({ env, variable }) => {
    expect(() => parseEnv(env)).toThrow(new RegExp(`${variable}:`));
  });

  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ])("FLUXTOWER_READ_ONLY=%s → %s", (value, want) => {
    expect(parseEnv({ FLUXTOWER_READ_ONLY: value }).FLUXTOWER_READ_ONLY).toBe(want);
  });
});
