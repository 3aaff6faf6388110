import { describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn } from "./harness";

describe("sessions and demo sign-in", () => {
  it.each(["/api/v1/clusters", "/api/v1/session", "/api/v1/does-not-exist", "/api/v1/clusters/demo/resources"])(
    "GET %s without a session → 401 with an error body",
    async (p) => {
      const res = await appFetch(p);
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unauthenticated");
      expect(body.error.message).toBeTruthy();
    },
  );

  it.each([
    { username: "viewer", role: "viewer" },
    { username: "operator", role: "operator" },
    { username: "admin", role: "admin" },
  ])("$username signs in and GET /api/v1/session returns role $role", async ({ username, role }) => {
    const s = await signIn(username);
    expect(s.cookie).toMatch(/^fluxtower_session=/);
    const res = await s.fetch("/api/v1/session");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { name: string; role: string } };
    expect(body.user).toMatchObject({ name: username, role });
  });

  it("the session cookie is HttpOnly and SameSite=Strict", async () => {
    const res = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "viewer", password: "demo" }) });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it("wrong password and unknown user give the same 401 without saying which part was wrong", async () => {
    const a = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "admin", password: "nope-a" }), headers: { "x-forwarded-for": "10.1.0.1" } });
    const b = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "nobody", password: "demo" }), headers: { "x-forwarded-for": "10.1.0.2" } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(await a.json()).toEqual(await b.json());
  });

  it("10 wrong passwords in a minute → 429 with Retry-After, even with the right password", async () => {
    const ip = { "x-forwarded-for": "10.9.9.9" };
    for (let i = 0; i < 10; i++) {
      const r = await appFetch("/api/v1/session", { method: "POST", headers: ip, body: JSON.stringify({ username: "operator", password: `wrong-${i}` }) });
      expect(r.status).toBe(401);
    }
    const blocked = await appFetch("/api/v1/session", { method: "POST", headers: ip, body: JSON.stringify({ username: "operator", password: "demo" }) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("sign-out revokes the session server-side", async () => {
    const s = await signIn("viewer");
    expect((await s.fetch("/api/v1/session", { method: "DELETE" })).status).toBe(204);
    expect((await s.fetch("/api/v1/session")).status).toBe(401);
  });

  it.each<{ name: string; headers: Record<string, string>; status: number }>([
    { name: "missing Origin", headers: { "content-type": "application/json" }, status: 403 },
    { name: "foreign Origin", headers: { "content-type": "application/json", origin: "https://evil.example" }, status: 403 },
    { name: "cross-site fetch metadata", headers: { "content-type": "application/json", origin: APP_URL, "sec-fetch-site": "cross-site" }, status: 403 },
    { name: "form-encoded body", headers: { "content-type": "application/x-www-form-urlencoded", origin: APP_URL }, status: 415 },
  ])("sign-in POST with $name → $status", async ({ headers, status }) => {
    const res = await fetch(new URL("/api/v1/session", APP_URL), { method: "POST", headers, body: JSON.stringify({ username: "viewer", password: "demo" }) });
    expect(res.status).toBe(status);
  });

  it.each([
    { body: "{", status: 400 },
    { body: JSON.stringify({ username: "" , password: "x" }), status: 400 },
    { body: JSON.stringify({ username: "a".repeat(5000), password: "x" }), status: 413 },
  ])("bad sign-in body → $status", async ({ body, status }) => {
    const res = await appFetch("/api/v1/session", { method: "POST", body });
    expect(res.status).toBe(status);
  });

  it("health and readiness answer without a session", async () => {
    expect((await appFetch("/api/healthz")).status).toBe(200);
    const ready = await appFetch("/api/readyz");
    expect([200, 503]).toContain(ready.status);
    expect(await ready.json()).toHaveProperty("status");
  });
});
