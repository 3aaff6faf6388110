// Credential storage on a fresh database (SQLite, or PostgreSQL under with-postgres.sh): OIDC login state is
// single-use, browser-bound and expires after 10 minutes; API tokens expire and revoke; only hashes are stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenIsActive, createApiToken, principalFromApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { consumeLoginState, createLoginState, LOGIN_STATE_TTL_MS } from "@/lib/auth/oidc/login-state";
import { sessionIsActive } from "@/lib/auth/sessions";
import { upsertUser } from "@/lib/auth/users";
import { closeDb, getDb } from "@/lib/db/client";
import { createTestDatabase, testKind, type TestDatabase } from "./db-test-database";

let database: TestDatabase;
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  database = await createTestDatabase();
  await closeDb();
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await closeDb();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await database.drop();
});

describe(`OIDC login state on ${testKind}`, () => {
  it("is consumed once, by the browser that started it", async () => {
    const s = await createLoginState("/settings");
    expect(await consumeLoginState(s.state, s.browserSecret)).toMatchObject({ returnTo: "/settings", codeVerifier: s.codeVerifier });
    expect(await consumeLoginState(s.state, s.browserSecret)).toBeNull();
  });

  it("is spent by a wrong-browser attempt (no retry with the right cookie)", async () => {
    const s = await createLoginState("/");
    expect(await consumeLoginState(s.state, "another-browser")).toBeNull();
    expect(await consumeLoginState(s.state, s.browserSecret)).toBeNull();
  });

  it("expires after 10 minutes", async () => {
    const t0 = Date.now();
    const s = await createLoginState("/", t0);
    expect(await consumeLoginState(s.state, s.browserSecret, t0 + LOGIN_STATE_TTL_MS + 1)).toBeNull();
    const fresh = await createLoginState("/", t0);
    expect(await consumeLoginState(fresh.state, fresh.browserSecret, t0 + LOGIN_STATE_TTL_MS - 1000)).not.toBeNull();
  });

  it("stores only hashes of state, nonce and the browser secret", async () => {
    const s = await createLoginState("/x");
    const db = await getDb();
    const rows = JSON.stringify(await db.loginState.findMany());
    expect(rows).not.toContain(s.state);
    expect(rows).not.toContain(s.nonce);
    expect(rows).not.toContain(s.browserSecret);
  });
});

describe(`API tokens on ${testKind}`, () => {
  it("work until they expire or are revoked; streams see the change through sessionIsActive", async () => {
    const user = await upsertUser({ subject: "https://idp|dave", name: "dave", role: "operator", groups: ["oidc:ops"], kubeUser: "oidc:dave" });
    const live = await createApiToken(user.id, { name: "live", expiresInDays: 1 });
    const p = await principalFromApiToken(live.secret);
    expect(p).toMatchObject({ name: "dave", role: "operator", kubeUser: "oidc:dave", groups: ["oidc:ops"], via: "token" });
    expect(await sessionIsActive(p?.sessionId ?? "")).toBe(true);

    const expired = await createApiToken(user.id, { name: "old", expiresInDays: 1 });
    const db = await getDb();
    await db.apiToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await principalFromApiToken(expired.secret)).toBeNull();
    expect(await apiTokenIsActive(expired.token.id)).toBe(false);

    await revokeApiToken(live.token.id, { userId: user.id, name: "dave", anyUser: false });
    expect(await principalFromApiToken(live.secret)).toBeNull();
    expect(await sessionIsActive(p?.sessionId ?? "")).toBe(false);
  });

  it("refuse lifetimes outside 1–365 days", async () => {
    const user = await upsertUser({ subject: "https://idp|gina", name: "gina", role: "viewer", groups: [] });
    for (const expiresInDays of [0, 366, 1.5, Number.POSITIVE_INFINITY]) {
      await expect(createApiToken(user.id, { name: "t", expiresInDays })).rejects.toThrow(RangeError);
    }
  });

  it("stop while their user has not signed in for FLUXTOWER_TOKEN_IDLE_DAYS (30), streams included", async () => {
    const user = await upsertUser({ subject: "https://idp|hank", name: "hank", role: "operator", groups: [] });
    const { token, secret } = await createApiToken(user.id, { name: "t", expiresInDays: 90 });
    const p = await principalFromApiToken(secret);
    expect(p).not.toBeNull();
    const db = await getDb();
    await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await principalFromApiToken(secret)).toBeNull();
    expect(await apiTokenIsActive(token.id)).toBe(false);
    expect(await sessionIsActive(p?.sessionId ?? "")).toBe(false);
    await upsertUser({ subject: "https://idp|hank", name: "hank", role: "operator", groups: [] }); // signs in again
    expect(await principalFromApiToken(secret)).not.toBeNull();
  });

  it("record when they were last used, and store only a hash", async () => {
    const user = await upsertUser({ subject: "https://idp|erin", name: "erin", role: "viewer", groups: [] });
    const { token, secret } = await createApiToken(user.id, { name: "t", expiresInDays: 30 });
    await principalFromApiToken(secret);
    const db = await getDb();
    const row = await db.apiToken.findUnique({ where: { id: token.id } });
    expect(row?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(secret.slice(11));
  });

  it("die with their user", async () => {
    const user = await upsertUser({ subject: "https://idp|frank", name: "frank", role: "admin", groups: [] });
    const { secret } = await createApiToken(user.id, { name: "t", expiresInDays: 30 });
    const db = await getDb();
    await db.user.delete({ where: { id: user.id } });
    expect(await principalFromApiToken(secret)).toBeNull();
  });
});
