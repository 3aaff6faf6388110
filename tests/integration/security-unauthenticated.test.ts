// SECURITY.md S2/S8: no anonymous access. Every /api/v1 route (enumerated from app/api/v1) answers 401 without a
// credential — also with a bad or revoked one — and every page redirects to sign-in, for HTML and RSC requests.
import { describe, expect, it } from "vitest";
import { APP_URL, appFetch } from "./harness";
import { apiRoutes, pages } from "./security-routes";

const routes = apiRoutes();
const cases = routes.flatMap((r) => r.methods.map((method) => ({ method, url: r.url, file: r.file })));
const isSignIn = (c: { method: string; url: string }) => c.method === "POST" && c.url === "/api/v1/session";

describe("no session → 401 on every /api/v1 route", () => {
  it("finds the route files", () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(cases.some((c) => c.method !== "GET")).toBe(true);
  });

  it.each(cases.filter((c) => !isSignIn(c)))("$method $url ($file) → 401", async ({ method, url }) => {
    const res = await appFetch(url, method === "GET" ? {} : { method, body: "{}" });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
  });

  it.each([
    ["a made-up bearer token", { authorization: "Bearer ft_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }],
    ["a malformed bearer token", { authorization: "Bearer not-a-token" }],
    ["Basic credentials", { authorization: "Basic YWRtaW46ZGVtbw==" }],
    ["a forged session cookie", { cookie: "fluxtower_session=Zm9yZ2Vk" }],
    ["an over-long session cookie", { cookie: `fluxtower_session=${"a".repeat(300)}` }],
  ])("%s → 401 on every GET route", async (_name, headers) => {
    for (const c of cases.filter((x) => x.method === "GET")) {
      const res = await appFetch(c.url, { headers });
      expect(res.status, `${c.method} ${c.url}`).toBe(401);
    }
  });

  it("POST /api/v1/session (the sign-in itself) never answers with a session for bad input", async () => {
    const res = await appFetch("/api/v1/session", { method: "POST", body: "{}" });
    expect([400, 401]).toContain(res.status);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("no session → every page redirects to sign-in", () => {
  const all = pages();

  it("finds the pages", () => expect(all.length).toBeGreaterThanOrEqual(8));

  it.each(all)("GET $url ($file) → /sign-in", async ({ url }) => {
    const res = await appFetch(url);
    expect([303, 307, 308]).toContain(res.status);
    const location = new URL(res.headers.get("location") ?? "", APP_URL);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("next")).toBe(url);
  });

  it.each(all)("RSC request for $url carries no page data", async ({ url }) => {
    const res = await appFetch(url, { headers: { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])) } });
    const body = await res.text();
    expect(res.status === 200 ? body : "").not.toMatch(/airflow-scheduler|HelmRelease|data-testid="user-menu"/);
    if (res.status === 200) expect(body).toMatch(/sign-in/);
  });
});
