// SECURITY.md S17/S18/S22 and the header list: CSP with a per-request nonce on every script, no inline
// script without it, frame-ancestors 'none', Referrer-Policy, nosniff, HSTS over https; Host spoofing has no effect.
import { describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn } from "./harness";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  it.each(["/sign-in", "/", "/settings", "/audit", "/clusters/demo/helmreleases/airflow/airflow"])(
    "%s: every <script> carries this response's CSP nonce; the policy allows nothing else",
    async (p) => {
      const cookie = p === "/sign-in" ? undefined : (await signIn("admin")).cookie; // signed in, /sign-in redirects
      const res = await appFetch(p, {}, cookie);
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      const d = directives(csp);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
      expect(d.get("frame-ancestors")).toEqual(["'none'"]);
      expect(d.get("object-src")).toEqual(["'none'"]);
      expect(d.get("base-uri")).toEqual(["'self'"]);
      expect(d.get("form-action")).toEqual(["'self'"]);
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);

      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
      expect(html).not.toMatch(/\son(click|load|error|mouseover)=/i);
      expect(html).not.toMatch(/href="javascript:/i);
    },
  );

  it("the nonce is fresh for every response", async () => {
    const a = (await appFetch("/sign-in")).headers.get("content-security-policy");
    const b = (await appFetch("/sign-in")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it.each(["/sign-in", "/api/v1/clusters", "/api/healthz"])("%s: Referrer-Policy, nosniff, no framing", async (p) => {
    const res = await appFetch(p);
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("HSTS is sent when the request came over https (TLS ended at the ingress), not over plain http", async () => {
    expect((await appFetch("/sign-in")).headers.get("strict-transport-security")).toBeNull();
    const https = await appFetch("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
  });

  it("a spoofed Host / X-Forwarded-Host does not leak into redirects or the OIDC redirect_uri (S22)", async () => {
    const spoof = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-for": "10.66.0.1" };
    const page = await fetch(new URL("/settings", APP_URL), { headers: spoof, redirect: "manual" });
    expect(page.headers.get("location") ?? "").not.toContain("evil.example");
    const login = await fetch(new URL("/api/auth/oidc/login", APP_URL), { headers: spoof, redirect: "manual" });
    const authz = new URL(login.headers.get("location") ?? "");
    expect(authz.searchParams.get("redirect_uri")).toBe(`${APP_URL}/api/auth/oidc/callback`);
  });

  it("no token or session secret is readable by page JavaScript: the only cookie is HttpOnly", async () => {
    const res = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "viewer", password: "demo" }) });
    for (const c of res.headers.getSetCookie()) expect(c).toMatch(/HttpOnly/);
    const html = await (await appFetch("/settings", {}, (res.headers.get("set-cookie") ?? "").split(";")[0])).text();
    const secret = (res.headers.get("set-cookie") ?? "").split(";")[0].split("=")[1];
    expect(html).not.toContain(secret);
  });
});
