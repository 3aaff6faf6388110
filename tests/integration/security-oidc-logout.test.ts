// Issue 13 (openid-client v6): RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) against the real
// provider (scripts/oidc-provider.ts, `oidc-provider`, whose discovery document advertises end_session_endpoint).
// Signing out a single-sign-on session revokes it here and answers the provider's end-session URL naming our client
// and the registered post-logout page; the provider accepts that request. A demo session signs out as before (204).
import { describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn } from "./harness";
import { oidcSignIn, provider } from "./security-oidc-client";

describe("OIDC sign-out", () => {
  it("the provider advertises an end_session_endpoint", async () => {
    const doc = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint?: string };
    expect(doc.end_session_endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it("an SSO session is revoked and the browser is sent to the provider's end-session endpoint", async () => {
    const r = await oidcSignIn("carol");
    expect(r.cookie).toBeDefined();
    const out = await appFetch("/api/v1/session", { method: "DELETE" }, r.cookie);
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/i);
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    const doc = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { end_session_endpoint: string };
    const url = new URL(endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(doc.end_session_endpoint);
    expect(url.searchParams.get("client_id")).toBe(provider.clientId);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${APP_URL}/sign-in`);
    expect(url.searchParams.has("id_token_hint")).toBe(false); // we keep no OIDC tokens
    expect((await appFetch("/api/v1/session", {}, r.cookie)).status).toBe(401);
    // The provider accepts the request (client and post-logout URI are registered): its confirmation page, not an error.
    const page = await r.browser.get(endSessionUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/invalid_request|post_logout_redirect_uri not registered/i);
    expect(html).toMatch(/logout|sign.?out/i);
    // Confirming there ends the provider's session and sends the browser back to our sign-in page.
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf, "the provider's logout form").toBeTruthy();
    const confirmed = await r.browser.postForm(new URL(action!, provider.issuer).toString(), { xsrf: xsrf!, logout: "yes" });
    expect([302, 303]).toContain(confirmed.status);
    expect(new URL(confirmed.headers.get("location") ?? "", provider.issuer).toString()).toBe(`${APP_URL}/sign-in`);
  });

  it("a demo session signs out with 204 and no provider round-trip", async () => {
    const s = await signIn("viewer");
    const out = await s.fetch("/api/v1/session", { method: "DELETE" });
    expect(out.status).toBe(204);
  });
});
