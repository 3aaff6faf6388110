// SECURITY.md S4: incoming Impersonate-* and x-middleware-subrequest headers are stripped at the edge (proxy.ts).
//
// 1. proxy() itself, called the way Next.js calls it: the request headers it hands on to route handlers and pages
//    are the `x-middleware-override-headers` list of its response (next/dist/server/web/spec-extension/response.js,
//    handleMiddlewareField: Next replaces the request's headers with exactly these). Removing the stripping from
//    proxy.ts makes these tests fail.
// 2. Against the running app: injected headers change nothing — the action is still decided and sent as the
//    session's user (the demo API server's request log shows the Impersonate-* lines the app sent), and a forged
//    x-middleware-subrequest does not skip the proxy (CVE-2025-29927: the CSP nonce is still set).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { APP_URL, signIn, waitingOutLimit, type Session } from "./harness";
import { finished, lastSeq, requestsSince } from "./actions-helpers";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";

const INJECTED: Record<string, string> = {
  "Impersonate-User": "admin",
  "Impersonate-Group": "system:masters",
  "Impersonate-Uid": "0",
  "Impersonate-Extra-Scopes": "cluster-admin",
  "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy",
};

/** The request headers proxy() passes downstream, by lower-case name. */
function forwarded(headers: Record<string, string>, url = "http://127.0.0.1:3000/api/v1/overview"): Map<string, string> {
  const response = proxy(new NextRequest(url, { headers }));
  const names = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean);
  expect(names.length, "proxy() hands on an explicit header list").toBeGreaterThan(0);
  return new Map(names.map((n) => [n, response.headers.get(`x-middleware-request-${n}`) ?? ""]));
}

describe("S4: proxy() strips headers that must never come from outside", () => {
  it.each(Object.keys(INJECTED))("%s is not handed on", (name) => {
    const out = forwarded({ ...INJECTED, "x-probe": "kept", cookie: "fluxtower_session=abc" });
    expect(out.has(name.toLowerCase())).toBe(false);
    expect(out.get("x-probe"), "other headers pass").toBe("kept");
    expect(out.get("cookie")).toBe("fluxtower_session=abc");
  });

  it("matches any case and any Impersonate- suffix, but not look-alikes", () => {
    const out = forwarded({ "IMPERSONATE-USER": "admin", "impersonate-extra-x": "1", "x-impersonate-user": "kept", "x-middleware-subrequest-id": "kept" });
    expect([...out.keys()].filter((k) => k.startsWith("impersonate-"))).toEqual([]);
    expect(out.get("x-impersonate-user")).toBe("kept");
  });

  it("sets its own x-nonce and x-pathname over client-sent ones", () => {
    const out = forwarded({ "x-nonce": "attacker", "x-pathname": "/evil" }, "http://127.0.0.1:3000/overview?x=1");
    expect(out.get("x-nonce")).not.toBe("attacker");
    expect(out.get("x-pathname")).toBe("/overview?x=1");
  });
});

describe("S4: injected headers have no effect on the running app", () => {
  let f: Fixtures;
  let viewer: Session;
  let operator: Session;

  beforeAll(async () => {
    f = await createFixtures();
    [viewer, operator] = await Promise.all([signIn("viewer"), signIn("operator")]);
  }, 60_000);

  afterAll(async () => {
    if (f) await deleteFixtures(f);
  });

  it("a viewer claiming to be admin is still a viewer (403, nothing sent to the cluster)", async () => {
    const seq = await lastSeq();
    const res = await waitingOutLimit(() =>
      viewer.fetch("/api/v1/clusters/demo/actions", {
        method: "POST",
        headers: { ...INJECTED, "Impersonate-Group": "fluxtower:admins" },
        body: JSON.stringify({ action: "reconcile", resource: "gitrepositories", namespace: f.ns, name: "repo" }),
      }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/operator role; you are viewer/);
    expect((await requestsSince(seq)).filter((r) => r.method === "PATCH")).toEqual([]);
  });

  it("an operator's action reaches the cluster as the operator, with exactly the app's own Impersonate-* lines", async () => {
    const seq = await lastSeq();
    const res = await operator.fetch("/api/v1/clusters/demo/actions", {
      method: "POST",
      headers: INJECTED,
      body: JSON.stringify({ action: "reconcile", resource: "gitrepositories", namespace: f.ns, name: "repo" }),
    });
    expect(res.status).toBe(202);
    const { operation } = (await res.json()) as { operation: { id: string } };
    await finished(operator, operation.id);
    const patches = (await requestsSince(seq)).filter((r) => r.method === "PATCH" && r.path === f.paths.repo);
    expect(patches).toHaveLength(1);
    const [patch] = patches as Array<(typeof patches)[number] & { impersonationHeaders?: unknown }>;
    expect(patch.impersonationHeaders).toEqual({ user: "operator", groups: ["fluxtower:operators"] });
    expect(patch.impersonatedGroups).toEqual(["fluxtower:operators", "system:authenticated"]);
  });

  it.each(["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy"])(
    "x-middleware-subrequest: %s does not skip the proxy (CSP nonce set) nor authentication (401)",
    async (value) => {
      const page = await fetch(new URL("/sign-in", APP_URL), { headers: { "x-middleware-subrequest": value }, redirect: "manual" });
      expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      const api = await fetch(new URL("/api/v1/overview", APP_URL), { headers: { "x-middleware-subrequest": value } });
      expect(api.status).toBe(401);
    },
  );
});
