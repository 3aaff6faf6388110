// SECURITY.md S1/S3/S10: OIDC sign-in against a real OpenID Provider (scripts/oidc-provider.ts, the `oidc-provider`
// package): authorization code + PKCE S256, single-use state bound to the browser, nonce, ID token signature /
// iss / aud / exp checks, groups → role, and the audit rows.
import { beforeAll, describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn, type Session } from "./harness";
import { armForgery, Browser, oidcSignIn, provider, throughProvider } from "./security-oidc-client";

interface Me {
  user: { name: string; role: string; groups: string[] };
}

async function me(cookie: string | undefined): Promise<Me["user"] | number> {
  const res = await appFetch("/api/v1/session", {}, cookie);
  return res.status === 200 ? ((await res.json()) as Me).user : res.status;
}

let admin: Session;
beforeAll(async () => {
  admin = await signIn("admin");
});

async function latestAudit(action: string): Promise<{ actor: string; outcome: string; message: string | null; detail: Record<string, unknown> }> {
  const res = await admin.fetch(`/api/v1/audit?action=${encodeURIComponent(action)}&limit=1`);
  return ((await res.json()) as { events: { actor: string; outcome: string; message: string | null; detail: Record<string, unknown> }[] }).events[0];
}

describe("OIDC sign-in against the real provider", () => {
  it("the provider's discovery document names the issuer the app is configured with", async () => {
    const doc = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { issuer: string };
    expect(doc.issuer).toBe(provider.issuer);
    const page = await (await appFetch("/sign-in")).text();
    expect(page).toContain("Sign in with single sign-on");
  });

  it.each([
    { user: "alice", role: "admin", groups: ["oidc:fluxtower-admins"] },
    { user: "bob", role: "operator", groups: ["oidc:fluxtower-operators"] }, // "unrelated-team" is not impersonated
    { user: "carol", role: "viewer", groups: [] },
  ])("$user signs in → role $role, Kubernetes groups $groups", async ({ user, role, groups }) => {
    const r = await oidcSignIn(user, { next: "/settings" });
    expect(r.callback.status).toBe(200);
    expect(r.location).toBe("/settings");
    expect(await me(r.cookie)).toEqual({ name: user, role, groups });
    const audit = await latestAudit("sign-in");
    expect(audit).toMatchObject({ actor: user, outcome: "success" });
    expect(audit.detail).toMatchObject({ method: "oidc", role, kubeUser: `oidc:${user}` });
  });

  it("the authorization request uses code + PKCE S256 with fresh state and nonce; the binding cookie is HttpOnly, Lax, path-limited", async () => {
    const browser = new Browser();
    const start = await browser.get(`${APP_URL}/api/auth/oidc/login`);
    const url = new URL(start.headers.get("location") ?? "");
    expect(url.origin).toBe(provider.issuer);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({ response_type: "code", client_id: provider.clientId, redirect_uri: `${APP_URL}/api/auth/oidc/callback`, code_challenge_method: "S256" });
    expect(q.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = start.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/fluxtower_oidc=[A-Za-z0-9_-]{43}; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600/);
    const again = new URL((await new Browser().get(`${APP_URL}/api/auth/oidc/login`)).headers.get("location") ?? "");
    expect(again.searchParams.get("state")).not.toBe(q.state);
  });

  it("the session cookie is HttpOnly and SameSite=Strict, and the landing page has no script", async () => {
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, "carol");
    const res = await browser.get(callbackUrl);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("fluxtower_session="));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(res.headers.getSetCookie().some((c) => /^fluxtower_oidc=;.*Max-Age=0/.test(c))).toBe(true);
    expect(await res.text()).not.toMatch(/<script/i);
  });

  it.each([
    "wrong-audience",
    "extra-audience",
    "expired",
    "issued-in-future",
    "wrong-issuer",
    "wrong-nonce",
    "tampered",
    "alg-none",
    "hs256-with-public-key",
    "unknown-key",
  ])("an ID token that is %s → refused, no session, failure audited", async (mode) => {
    await armForgery(mode);
    const r = await oidcSignIn("carol");
    expect(r.callback.status).toBe(303);
    expect(r.location).toBe(`${APP_URL}/sign-in?error=invalid_id_token`);
    expect(r.cookie).toBeUndefined();
    const audit = await latestAudit("sign-in");
    expect(audit).toMatchObject({ actor: "unknown", outcome: "failure", message: "invalid_id_token" });
  });

  it("the genuine token passes the same path (the forgery hook itself is not what fails)", async () => {
    await armForgery("genuine");
    const r = await oidcSignIn("carol");
    expect(await me(r.cookie)).toMatchObject({ name: "carol", role: "viewer" });
  });

  it("state is single-use: replaying the callback URL fails even in the same browser", async () => {
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, "bob");
    const binding = browser.jar.get(APP_URL, "fluxtower_oidc");
    expect((await browser.get(callbackUrl)).status).toBe(200);
    const replay = await fetch(callbackUrl, { headers: { cookie: `fluxtower_oidc=${binding}` }, redirect: "manual" });
    expect(replay.headers.get("location")).toBe(`${APP_URL}/sign-in?error=invalid_state`);
  });

  it("a callback in another browser (no binding cookie: login CSRF / session fixation) fails and spends the state", async () => {
    const victim = new Browser();
    const { callbackUrl } = await throughProvider(new Browser(), "alice"); // the attacker's own code and state
    const res = await victim.get(callbackUrl);
    expect(res.headers.get("location")).toBe(`${APP_URL}/sign-in?error=invalid_state`);
    expect(victim.sessionCookie()).toBeUndefined();
  });

  it.each([
    ["an unknown state", (u: URL) => u.searchParams.set("state", "A".repeat(43))],
    ["no state", (u: URL) => u.searchParams.delete("state")],
    ["another issuer in the iss parameter (mix-up)", (u: URL) => u.searchParams.set("iss", "https://evil.example")],
  ])("a callback with %s fails", async (_name, change) => {
    const browser = new Browser();
    const { callbackUrl } = await throughProvider(browser, "carol");
    const u = new URL(callbackUrl);
    change(u);
    const res = await browser.get(u.toString());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/\/sign-in\?error=(invalid_state|provider_error)$/);
    expect(browser.sessionCookie()).toBeUndefined();
  });

  it("the provider's error answer (user denied) → access_denied, audited", async () => {
    const browser = new Browser();
    const start = await browser.get(`${APP_URL}/api/auth/oidc/login`);
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const res = await browser.get(`${APP_URL}/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(res.headers.get("location")).toBe(`${APP_URL}/sign-in?error=access_denied`);
    expect((await latestAudit("sign-in")).message).toBe("access_denied");
  });

  it("PKCE: a stolen code is useless without the verifier that never left the server", async () => {
    const { callbackUrl } = await throughProvider(new Browser(), "alice");
    const code = new URL(callbackUrl).searchParams.get("code") ?? "";
    const res = await fetch(`${provider.issuer}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${provider.clientId}:${provider.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: `${APP_URL}/api/auth/oidc/callback` }).toString(),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example"])("next=%s cannot send the user off-site", async (next) => {
    const r = await oidcSignIn("carol", { next });
    expect(r.location).toBe("/");
  });

  it("a wrong password at the provider never reaches the app", async () => {
    await expect(throughProvider(new Browser(), "alice", undefined, "wrong")).rejects.toThrow(/answered 401/);
  });

  it("the app role allows, but Kubernetes RBAC decides: alice (app admin, no RBAC binding in the demo cluster) sees nothing", async () => {
    const alice = await oidcSignIn("alice");
    const list = (await (await appFetch("/api/v1/clusters/demo/resources?resource=helmreleases", {}, alice.cookie)).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    const detail = await appFetch("/api/v1/clusters/demo/resources/helmreleases/airflow/airflow", {}, alice.cookie);
    expect(detail.status).toBe(404);
    const viewer = await signIn("viewer"); // a demo user with a binding does see it: the cluster is fine
    const visible = (await (await viewer.fetch("/api/v1/clusters/demo/resources?resource=helmreleases")).json()) as { items: unknown[] };
    expect(visible.items.length).toBeGreaterThan(0);
  });
});
