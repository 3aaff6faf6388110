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
    const live = await createApiToken(user.id, { name: "live", expiresAt: new Date(Date.now() + 60_000) });
    const p = await principalFromApiToken(live.secret);
    expect(p).toMatchObject({ name: "dave", role: "operator", kubeUser: "oidc:dave", groups: ["oidc:ops"], via: "token" });
    expect(await sessionIsActive(p?.sessionId ?? "")).toBe(true);

    const expired = await createApiToken(user.id, { name: "old", expiresAt: new Date(Date.now() - 1000) });
    expect(await principalFromApiToken(expired.secret)).toBeNull();
    expect(await apiTokenIsActive(expired.token.id)).toBe(false);

    await revokeApiToken(user.id, live.token.id);
    expect(await principalFromApiToken(live.secret)).toBeNull();
    expect(await sessionIsActive(p?.sessionId ?? "")).toBe(false);
  });

  it("record when they were last used, and store only a hash", async () => {
    const user = await upsertUser({ subject: "https://idp|erin", name: "erin", role: "viewer", groups: [] });
    const { token, secret } = await createApiToken(user.id, { name: "t", expiresAt: null });
    await principalFromApiToken(secret);
    const db = await getDb();
    const row = await db.apiToken.findUnique({ where: { id: token.id } });
    expect(row?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(secret.slice(11));
  });

  it("die with their user", async () => {
    const user = await upsertUser({ subject: "https://idp|frank", name: "frank", role: "admin", groups: [] });
    const { secret } = await createApiToken(user.id, { name: "t", expiresAt: null });
    const db = await getDb();
    await db.user.delete({ where: { id: user.id } });
    expect(await principalFromApiToken(secret)).toBeNull();
  });
});
