// API tokens for scripts and CI: created from a session and shown once, stored hashed, carry the user's identity
// and role, revocable, and — being no ambient browser credential — exempt from the Origin check only when the
// request carries no cookie at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn, type Session } from "./harness";

interface Created {
  token: { id: string; name: string; prefix: string; expiresAt: string | null; active: boolean };
  secret: string;
}

let operator: Session;
const made: { session: Session; id: string }[] = [];

beforeAll(async () => {
  operator = await signIn("operator");
});

// Leave no active tokens behind (each user may hold at most 25), so the file can run again and again.
afterAll(async () => {
  for (const { session, id } of made) await session.fetch(`/api/v1/tokens/${id}`, { method: "DELETE" });
});

async function create(s: Session, body: object = { name: "ci pipeline", expiresInDays: 30 }): Promise<Created> {
  const res = await s.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  const created = (await res.json()) as Created;
  made.push({ session: s, id: created.token.id });
  return created;
}

function bearer(secret: string, p: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${secret}`);
  if (init.body) headers.set("content-type", "application/json");
  return fetch(new URL(p, APP_URL), { ...init, headers, redirect: "manual" });
}

describe("API tokens", () => {
  it("are shown once: the list has the prefix but never the secret", async () => {
    const created = await create(operator);
    expect(created.secret).toMatch(/^ft_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(created.token.prefix)).toBe(true);
    expect(created.token.expiresAt).not.toBeNull();
    const list = await (await operator.fetch("/api/v1/tokens")).text();
    expect(list).toContain(created.token.id);
    expect(list).not.toContain(created.secret);
    expect(list).not.toContain(created.secret.slice(12));
    expect(list).not.toMatch(/tokenHash/);
  });

  it("carry the user's identity and role", async () => {
    const { secret } = await create(operator);
    const res = await bearer(secret, "/api/v1/session");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { name: string; role: string } }).user).toMatchObject({ name: "operator", role: "operator" });
    expect((await bearer(secret, "/api/v1/clusters")).status).toBe(200);
  });

  it("a bad bearer never falls back to a valid cookie", async () => {
    const res = await appFetch("/api/v1/session", { headers: { authorization: "Bearer ft_wrong" } }, operator.cookie);
    expect(res.status).toBe(401);
  });

  it("cannot mint more tokens (a leaked token must not outlive its revocation)", async () => {
    const { secret } = await create(operator);
    const res = await bearer(secret, "/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "child" }) });
    expect(res.status).toBe(403);
  });

  it("scripts need no Origin header, but a bearer request that also carries cookies does", async () => {
    const a = await create(operator);
    const b = await create(operator);
    expect((await bearer(a.secret, `/api/v1/tokens/${a.token.id}`, { method: "DELETE" })).status).toBe(204);
    const withCookie = await fetch(new URL(`/api/v1/tokens/${b.token.id}`, APP_URL), {
      method: "DELETE",
      headers: { authorization: `Bearer ${b.secret}`, cookie: "theme=dark" },
    });
    expect(withCookie.status).toBe(403);
    const crossSite = await fetch(new URL(`/api/v1/tokens/${b.token.id}`, APP_URL), {
      method: "DELETE",
      headers: { authorization: `Bearer ${b.secret}`, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("stop working as soon as they are revoked, and revocation is idempotent and per user", async () => {
    const { token, secret } = await create(operator);
    const viewer = await signIn("viewer");
    expect((await viewer.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await bearer(secret, "/api/v1/session")).status).toBe(200);
    expect((await operator.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await bearer(secret, "/api/v1/session")).status).toBe(401);
    expect((await operator.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" })).status).toBe(204);
    const list = (await (await operator.fetch("/api/v1/tokens")).json()) as { tokens: { id: string; active: boolean; revokedAt: string | null }[] };
    expect(list.tokens.find((t) => t.id === token.id)).toMatchObject({ active: false });
  });

  it("a token's role follows its user: a viewer's token cannot run actions", async () => {
    const viewer = await signIn("viewer");
    const { secret } = await create(viewer, { name: "viewer script" });
    const res = await bearer(secret, "/api/v1/clusters/demo/actions", {
      method: "POST",
      body: JSON.stringify({ action: "suspend", resource: "helmreleases", namespace: "airflow", name: "airflow" }),
    });
    expect([403, 429]).toContain(res.status);
  });

  it.each([
    [{ name: "" }, 400],
    [{ name: "<script>" }, 400],
    [{ name: "ok", expiresInDays: 0 }, 400],
    [{ name: "ok", expiresInDays: 366 }, 400],
    [{ name: "ok", admin: true }, 400],
  ])("bad input %j → %i", async (body, status) => {
    expect((await operator.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify(body) })).status).toBe(status);
  });

  it("creation and revocation are audited (who, which token, never the secret)", async () => {
    const { token, secret } = await create(operator, { name: "audited" });
    await operator.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
    const admin = await signIn("admin");
    const events = ((await (await admin.fetch("/api/v1/audit?action=token.&user=operator&limit=10")).json()) as {
      events: { action: string; actor: string; detail: { tokenId?: string } }[];
    }).events.filter((e) => e.detail.tokenId === token.id);
    expect(events.map((e) => e.action).sort()).toEqual(["token.create", "token.revoke"]);
    const csv = await (await admin.fetch("/api/v1/audit?format=csv")).text();
    expect(csv).not.toContain(secret);
  });
});
