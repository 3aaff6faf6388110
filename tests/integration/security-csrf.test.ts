// SECURITY.md S9/S16/S4: requests that change anything must come from our own origin as JSON; bursts are limited;
// injected Impersonate-* and x-middleware-subrequest headers change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn, type Session } from "./harness";
import { oidcSignIn, randomIp } from "./security-oidc-client";
import { apiRoutes } from "./security-routes";

// The catch-all /api/v1/[...path] only answers 401/404 and changes nothing, so it is not a mutation route.
const mutations = apiRoutes()
  .filter((r) => !r.file.includes("[...path]"))
  .flatMap((r) => r.methods.filter((m) => m !== "GET").map((method) => ({ method, url: r.url })));

let admin: Session;
beforeAll(async () => {
  admin = await signIn("admin");
});

function raw(url: string, method: string, headers: Record<string, string>, body = "{}"): Promise<Response> {
  return fetch(new URL(url, APP_URL), { method, headers: { cookie: admin.cookie, ...headers }, body, redirect: "manual" });
}

describe("cross-site requests are refused on every route that changes something", () => {
  it("finds the mutation routes", () => expect(mutations.length).toBeGreaterThanOrEqual(5));

  it.each(mutations)("$method $url without Origin → 403", async ({ method, url }) => {
    const res = await raw(url, method, { "content-type": "application/json" });
    expect(res.status).toBe(403);
  });

  it.each(mutations)("$method $url from a foreign or sibling origin → 403", async ({ method, url }) => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:1", "null", APP_URL.replace("127.0.0.1", "localhost")]) {
      expect((await raw(url, method, { "content-type": "application/json", origin })).status, origin).toBe(403);
    }
  });

  it.each(mutations)("$method $url with Sec-Fetch-Site cross-site or same-site → 403", async ({ method, url }) => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await raw(url, method, { "content-type": "application/json", origin: APP_URL, "sec-fetch-site": site });
      expect(res.status, site).toBe(403);
    }
  });

  it.each(mutations)("$method $url form-encoded (what a cross-site <form> sends) → 415", async ({ method, url }) => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) {
      const res = await raw(url, method, { "content-type": type, origin: APP_URL }, "a=b");
      expect(res.status, type).toBe(415);
    }
  });

  it("a body over the cap → 413", async () => {
    const res = await admin.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "x".repeat(70_000) }) });
    expect(res.status).toBe(413);
  });
});

/** A burst of limit+1: every answer is `normal` or 429, at most `limit` are normal, and the last is 429. */
function expectLimited(statuses: number[], normal: number, limit: number): void {
  expect(statuses.every((s) => s === normal || s === 429), statuses.join(",")).toBe(true);
  expect(statuses.filter((s) => s === normal).length).toBeLessThanOrEqual(limit);
  expect(statuses[statuses.length - 1]).toBe(429);
}

describe("bursts → 429", () => {
  it("more than 30 action requests a minute from one user → 429 with Retry-After", async () => {
    const carol = await oidcSignIn("carol"); // a user no other test uses for actions
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await appFetch(
        "/api/v1/clusters/demo/actions",
        { method: "POST", body: JSON.stringify({ action: "reconcile", resource: "helmreleases", namespace: "airflow", name: "airflow" }) },
        carol.cookie,
      );
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expectLimited(statuses, 403, 30); // a viewer: refused by role, but every request counts
  });

  it("more than 20 OIDC sign-in starts a minute from one address → 429", async () => {
    const headers = { "x-forwarded-for": randomIp() };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await appFetch("/api/auth/oidc/login", { headers })).status);
    expectLimited(statuses, 303, 20);
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
  });

  it("more than 10 token creations a minute → 429", async () => {
    const bob = await oidcSignIn("bob");
    const statuses: number[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await appFetch("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: `burst-${i}`, expiresInDays: 1 }) }, bob.cookie);
      statuses.push(res.status);
      if (res.status === 201) ids.push(((await res.json()) as { token: { id: string } }).token.id);
    }
    for (const id of ids) expect((await appFetch(`/api/v1/tokens/${id}`, { method: "DELETE" }, bob.cookie)).status).toBe(204);
    expectLimited(statuses, 201, 10);
  });
});

describe("injected identity headers have no effect (S4)", () => {
  const injected = {
    "impersonate-user": "admin",
    "impersonate-group": "system:masters",
    "Impersonate-Extra-Scopes": "all",
    "impersonate-uid": "0",
    "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
  };

  it("a viewer sees the same resources with or without them (no Secrets either way)", async () => {
    const viewer = await signIn("viewer");
    for (const resource of ["secrets", "helmreleases"]) {
      const plain = (await (await viewer.fetch(`/api/v1/clusters/demo/resources?resource=${resource}`)).json()) as { items: { name: string }[] };
      const spoofed = (await (await viewer.fetch(`/api/v1/clusters/demo/resources?resource=${resource}`, { headers: injected })).json()) as { items: { name: string }[] };
      expect(spoofed.items.map((i) => i.name).sort()).toEqual(plain.items.map((i) => i.name).sort());
      if (resource === "secrets") expect(spoofed.items).toEqual([]);
    }
  });

  it("a viewer's action is still refused, and no session is still 401 / a redirect", async () => {
    const viewer = await signIn("viewer");
    const res = await viewer.fetch("/api/v1/clusters/demo/actions", {
      method: "POST",
      headers: injected,
      body: JSON.stringify({ action: "suspend", resource: "helmreleases", namespace: "airflow", name: "airflow" }),
    });
    expect([403, 429]).toContain(res.status);
    expect((await appFetch("/api/v1/clusters", { headers: injected })).status).toBe(401);
    const page = await appFetch("/settings", { headers: injected });
    expect(new URL(page.headers.get("location") ?? "", APP_URL).pathname).toBe("/sign-in");
  });
});
