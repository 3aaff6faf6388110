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
    expect(e.FLUXTOWER_WAIVER_MAX_DAYS).toBe(90);
    // No proxy assumed: the client address is the socket's, X-Forwarded-For is not trusted (issue 18, fix 7).
    expect(e.FLUXTOWER_TRUSTED_PROXY_HOPS).toBe(0);
    // API tokens of a user who has not signed in for 30 days stop working (issue 18, fix 4).
    expect(e.FLUXTOWER_TOKEN_IDLE_DAYS).toBe(30);
  });

  it("reads the proxy hops and the token idle days", () => {
    const e = parseEnv({ FLUXTOWER_TRUSTED_PROXY_HOPS: "2", FLUXTOWER_TOKEN_IDLE_DAYS: "7" });
    expect(e.FLUXTOWER_TRUSTED_PROXY_HOPS).toBe(2);
    expect(e.FLUXTOWER_TOKEN_IDLE_DAYS).toBe(7);
  });

  it("reads the waiver limit", () => {
    expect(parseEnv({ FLUXTOWER_WAIVER_MAX_DAYS: "30" }).FLUXTOWER_WAIVER_MAX_DAYS).toBe(30);
  });

  it("treats an empty DATABASE_URL as unset (the SQLite default)", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    "file:/var/lib/fluxtower/fluxtower.db",
    "postgresql://fluxtower:pw@db.internal.example:5432/fluxtower?sslmode=verify-full",
    "postgresql://fluxtower_app:pw@127.0.0.1:54321/fluxtower?sslmode=disable",
  ])("accepts DATABASE_URL=%s", (url) => {
    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("names DATABASE_URL and the fix, never the password, when TLS is missing", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://fluxtower:s3cr3t-pw@db.internal.example/fluxtower" })).toThrow(
      /DATABASE_URL: PostgreSQL needs TLS: add sslmode=verify-full/,
    );
    try {
      parseEnv({ DATABASE_URL: "postgresql://fluxtower:s3cr3t-pw@db.internal.example/fluxtower" });
    } catch (err) {
      expect(String(err)).not.toContain("s3cr3t-pw");
    }
  });

  it("derives the public URL from PORT when unset", () => {
    expect(parseEnv({ PORT: "3100" }).publicUrl.origin).toBe("http://127.0.0.1:3100");
  });

  it.each([
    { env: { PORT: "http" }, variable: "PORT" },
    { env: { PORT: "70000" }, variable: "PORT" },
    { env: { DATABASE_URL: "mysql://x" }, variable: "DATABASE_URL" },
    // S23: PostgreSQL without TLS (lib/config/database-tls.ts); plain text only explicitly and on loopback.
    { env: { DATABASE_URL: "postgresql://fluxtower:pw@db.internal.example:5432/fluxtower" }, variable: "DATABASE_URL" },
    { env: { DATABASE_URL: "postgresql://fluxtower:pw@db.internal.example/fluxtower?sslmode=disable" }, variable: "DATABASE_URL" },
    { env: { DATABASE_URL: "postgresql://fluxtower:pw@127.0.0.1:5432/fluxtower" }, variable: "DATABASE_URL" },
    { env: { FLUXTOWER_PUBLIC_URL: "not a url" }, variable: "FLUXTOWER_PUBLIC_URL" },
    { env: { FLUXTOWER_PUBLIC_URL: "ftp://x.example" }, variable: "FLUXTOWER_PUBLIC_URL" },
    { env: { FLUXTOWER_READ_ONLY: "maybe" }, variable: "FLUXTOWER_READ_ONLY" },
    { env: { FLUXTOWER_LOG_LEVEL: "loud" }, variable: "FLUXTOWER_LOG_LEVEL" },
    { env: { FLUXTOWER_WAIVER_MAX_DAYS: "0" }, variable: "FLUXTOWER_WAIVER_MAX_DAYS" },
    { env: { FLUXTOWER_WAIVER_MAX_DAYS: "400" }, variable: "FLUXTOWER_WAIVER_MAX_DAYS" },
    { env: { FLUXTOWER_TRUSTED_PROXY_HOPS: "-1" }, variable: "FLUXTOWER_TRUSTED_PROXY_HOPS" },
    { env: { FLUXTOWER_TRUSTED_PROXY_HOPS: "11" }, variable: "FLUXTOWER_TRUSTED_PROXY_HOPS" },
    { env: { FLUXTOWER_TOKEN_IDLE_DAYS: "0" }, variable: "FLUXTOWER_TOKEN_IDLE_DAYS" },
    { env: { FLUXTOWER_TOKEN_IDLE_DAYS: "366" }, variable: "FLUXTOWER_TOKEN_IDLE_DAYS" },
    { env: { FLUXTOWER_TOKEN_IDLE_DAYS: "never" }, variable: "FLUXTOWER_TOKEN_IDLE_DAYS" },
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

describe("parseEnv: OIDC and limits", () => {
  it("is off by default, with safe defaults for claims and prefixes", () => {
    const e = parseEnv({});
    expect(e.FLUXTOWER_OIDC_ISSUER).toBeUndefined();
    expect(e.FLUXTOWER_OIDC_GROUPS_CLAIM).toBe("groups");
    expect(e.FLUXTOWER_OIDC_USERNAME_CLAIM).toBe("sub");
    expect(e.FLUXTOWER_OIDC_USERNAME_PREFIX).toBe("oidc:");
    expect(e.FLUXTOWER_OIDC_GROUPS_PREFIX).toBe("oidc:");
    expect(e.FLUXTOWER_OIDC_SCOPES).toBe("openid profile email");
    expect(e.FLUXTOWER_MAX_BODY_BYTES).toBe(65536);
    expect(e.FLUXTOWER_ADMIN_GROUPS).toEqual([]);
  });

  it("reads the issuer, client, scopes (comma or space) and group lists", () => {
    const e = parseEnv({
      FLUXTOWER_OIDC_ISSUER: "https://idp.example/realms/x",
      FLUXTOWER_OIDC_CLIENT_ID: "fluxtower",
      FLUXTOWER_OIDC_SCOPES: "openid,profile  groups",
      FLUXTOWER_ADMIN_GROUPS: "platform, sre ,,platform",
    });
    expect(e.FLUXTOWER_OIDC_ISSUER).toBe("https://idp.example/realms/x");
    expect(e.FLUXTOWER_OIDC_SCOPES).toBe("openid profile groups");
    expect(e.FLUXTOWER_ADMIN_GROUPS).toEqual(["platform", "sre"]);
  });

  it("treats empty OIDC variables as unset", () => {
    expect(parseEnv({ FLUXTOWER_OIDC_ISSUER: "", FLUXTOWER_OIDC_CLIENT_ID: "" }).FLUXTOWER_OIDC_ISSUER).toBeUndefined();
  });

  it.each([
    { env: { FLUXTOWER_OIDC_ISSUER: "http://idp.example.com" }, variable: "FLUXTOWER_OIDC_ISSUER" },
    { env: { FLUXTOWER_OIDC_ISSUER: "https://idp.example.com?x=1" }, variable: "FLUXTOWER_OIDC_ISSUER" },
    { env: { FLUXTOWER_OIDC_ISSUER: "https://idp.example.com" }, variable: "FLUXTOWER_OIDC_CLIENT_ID" },
    { env: { FLUXTOWER_OIDC_SCOPES: "profile email" }, variable: "FLUXTOWER_OIDC_SCOPES" },
    { env: { FLUXTOWER_MAX_BODY_BYTES: "10" }, variable: "FLUXTOWER_MAX_BODY_BYTES" },
    { env: { FLUXTOWER_TRUSTED_PROXY_HOPS: "1.5" }, variable: "FLUXTOWER_TRUSTED_PROXY_HOPS" },
  ])("rejects $env naming $variable", ({ env, variable }) => {
    expect(() => parseEnv(env)).toThrow(new RegExp(`${variable}:`));
  });

  it("accepts an http issuer on loopback (local providers and tests)", () => {
    expect(parseEnv({ FLUXTOWER_OIDC_ISSUER: "http://127.0.0.1:4000", FLUXTOWER_OIDC_CLIENT_ID: "c" }).FLUXTOWER_OIDC_ISSUER).toBe("http://127.0.0.1:4000");
  });
});
