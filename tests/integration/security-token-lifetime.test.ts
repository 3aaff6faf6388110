// Issue 18, fix 4: API tokens always expire (default 30 days, at most 365, no "never"); a token acts with its
// user's role and groups from their latest sign-in, and stops working while its user has not signed in for
// FLUXTOWER_TOKEN_IDLE_DAYS (default 30) — so someone removed from the IdP group loses the rights with their next
// sign-in, or when their tokens go idle. Admins list and revoke anyone's tokens (audited).
// Token creation is limited to 10 a minute per user: this file creates most of its tokens as the viewer, as
// security-tokens.test.ts creates most of its as the operator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appDatabaseExec } from "./app-database";
import { APP_URL, signIn, type Session } from "./harness";

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}
interface Created {
  token: TokenView;
  secret: string;
}

const DAY = 86_400_000;
let operator: Session;
let viewer: Session;
let admin: Session;
const made: { session: Session; id: string }[] = [];

beforeAll(async () => {
  operator = await signIn("operator");
  viewer = await signIn("viewer");
  admin = await signIn("admin");
});

afterAll(async () => {
  for (const { session, id } of made) await session.fetch(`/api/v1/tokens/${id}`, { method: "DELETE" });
});

async function create(s: Session, body: object): Promise<Created> {
  const res = await s.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  const created = (await res.json()) as Created;
  made.push({ session: s, id: created.token.id });
  return created;
}

function bearer(secret: string, p: string): Promise<Response> {
  return fetch(new URL(p, APP_URL), { headers: { authorization: `Bearer ${secret}` } });
}

/** Stands in for the passing of time: the user's latest sign-in moves into the past. */
async function lastSignInDaysAgo(subject: string, days: number): Promise<void> {
  const at = new Date(Date.now() - days * DAY).toISOString().replace("Z", "+00:00");
  expect(await appDatabaseExec(`UPDATE "User" SET "lastSignInAt" = ? WHERE "subject" = ?`, [at, subject])).toBe(1);
}

describe("every token expires", () => {
  it("30 days when no lifetime is given", async () => {
    const { token } = await create(viewer, { name: "default lifetime" });
    const days = (Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / DAY;
    expect(days).toBeCloseTo(30, 2);
  });

  it.each([
    [{ name: "forever", expiresInDays: null }, 400],
    [{ name: "too long", expiresInDays: 366 }, 400],
    [{ name: "zero", expiresInDays: 0 }, 400],
  ])("%j → %i (no never, at most 365 days)", async (body, status) => {
    expect((await operator.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify(body) })).status).toBe(status);
  });

  it("365 days is the longest", async () => {
    const { token } = await create(viewer, { name: "a year", expiresInDays: 365 });
    expect((Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / DAY).toBeCloseTo(365, 2);
  });
});

describe("a token follows its user's latest sign-in", () => {
  it("is refused while its user has not signed in for FLUXTOWER_TOKEN_IDLE_DAYS, and works again after a sign-in", async () => {
    const { secret } = await create(viewer, { name: "idle check" });
    expect((await bearer(secret, "/api/v1/session")).status).toBe(200);
    await lastSignInDaysAgo("demo:viewer", 29);
    expect((await bearer(secret, "/api/v1/session")).status).toBe(200);
    await lastSignInDaysAgo("demo:viewer", 31);
    const refused = await bearer(secret, "/api/v1/session");
    expect(refused.status).toBe(401);
    viewer = await signIn("viewer");
    expect((await bearer(secret, "/api/v1/session")).status).toBe(200);
  });

  it("carries the role of the latest sign-in", async () => {
    const { secret } = await create(operator, { name: "role check" });
    // As if the operator's last sign-in had mapped them to viewer (removed from the operators group) …
    expect(await appDatabaseExec(`UPDATE "User" SET "role" = 'viewer' WHERE "subject" = 'demo:operator'`, [])).toBe(1);
    const before = (await (await bearer(secret, "/api/v1/session")).json()) as { user: { role: string } };
    expect(before.user.role).toBe("viewer");
    // … and the next sign-in maps them back.
    operator = await signIn("operator");
    const after = (await (await bearer(secret, "/api/v1/session")).json()) as { user: { role: string } };
    expect(after.user.role).toBe("operator");
  });
});

describe("admins manage everyone's tokens", () => {
  it("lists every user's tokens with their owner; others may not", async () => {
    const { token } = await create(viewer, { name: "listed for admin" });
    const res = await admin.fetch("/api/v1/tokens?scope=all");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { tokens: (TokenView & { owner: { name: string; subject: string } })[] };
    expect(body.tokens.find((t) => t.id === token.id)).toMatchObject({ name: "listed for admin", owner: { name: "viewer", subject: "demo:viewer" } });
    expect(JSON.stringify(body)).not.toMatch(/tokenHash|ft_[A-Za-z0-9_-]{43}/);
    expect((await operator.fetch("/api/v1/tokens?scope=all")).status).toBe(403);
    expect((await viewer.fetch("/api/v1/tokens?scope=all")).status).toBe(403);
  });

  it("revokes another user's token, audited with the owner; a non-admin cannot", async () => {
    const { token, secret } = await create(viewer, { name: "revoked by admin" });
    expect((await operator.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await bearer(secret, "/api/v1/session")).status).toBe(200);
    const res = await admin.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect((await bearer(secret, "/api/v1/session")).status).toBe(401);
    const events = ((await (await admin.fetch("/api/v1/audit?action=token.revoke&limit=50")).json()) as {
      events: { requestId: string; actor: string; detail: Record<string, unknown> }[];
    }).events;
    expect(events.find((e) => e.requestId === res.headers.get("x-request-id"))).toMatchObject({
      actor: "admin",
      detail: { tokenId: token.id, ownerSubject: "demo:viewer", owner: "viewer" },
    });
    // the owner sees that it happened, in their list and in their audit rows
    const list = (await (await viewer.fetch("/api/v1/tokens")).json()) as { tokens: (TokenView & { revokedBy?: string })[] };
    expect(list.tokens.find((t) => t.id === token.id)).toMatchObject({ active: false, revokedBy: "admin" });
    const theirs = ((await (await viewer.fetch("/api/v1/audit?action=token.revoke&limit=200")).json()) as { events: { detail: { tokenId?: string } }[] }).events;
    expect(theirs.some((e) => e.detail.tokenId === token.id)).toBe(true);
  });
});
