// SECURITY.md S14: the append-only audit log. Every sign-in, sign-out, failed sign-in and token creation /
// revocation leaves a row (found here by the request id each response carries); filters and CSV export work; there
// is no way to change or delete a row over HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { APP_URL, appFetch, signIn, type Session, waitingOutLimit } from "./harness";
import { oidcSignIn } from "./security-oidc-client";

interface Row {
  requestId: string;
  actor: string;
  action: string;
  outcome: string;
  at: string;
  name: string | null;
}

let admin: Session;
beforeAll(async () => {
  admin = await signIn("admin");
});

async function events(query: string): Promise<Row[]> {
  const res = await admin.fetch(`/api/v1/audit?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: Row[] }).events;
}

async function rowFor(requestId: string | null, query = "limit=1000"): Promise<Row | undefined> {
  expect(requestId).toBeTruthy();
  return (await events(query)).find((e) => e.requestId === requestId);
}

describe("audit rows for every identity event", () => {
  it("demo sign-in, failed sign-in and sign-out", async () => {
    const ok = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "viewer", password: "demo" }), headers: { "x-forwarded-for": "10.44.0.1" } });
    expect(await rowFor(ok.headers.get("x-request-id"), "action=sign-in&user=viewer")).toMatchObject({ action: "sign-in", outcome: "success" });
    const bad = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "viewer", password: "nope" }), headers: { "x-forwarded-for": "10.44.0.2" } });
    expect(bad.status).toBe(401);
    expect(await rowFor(bad.headers.get("x-request-id"), "action=sign-in&outcome=failure")).toMatchObject({ actor: "viewer", outcome: "failure" });
    const cookie = (ok.headers.get("set-cookie") ?? "").split(";")[0];
    const out = await appFetch("/api/v1/session", { method: "DELETE" }, cookie);
    expect(out.status).toBe(204);
    expect(await rowFor(out.headers.get("x-request-id"), "action=sign-out")).toMatchObject({ actor: "viewer", outcome: "success" });
  });

  it("OIDC sign-in", async () => {
    const r = await oidcSignIn("bob");
    expect(await rowFor(r.callback.headers.get("x-request-id"), "action=sign-in&user=bob")).toMatchObject({ outcome: "success" });
  });

  it("token creation and revocation", async () => {
    const created = await admin.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "audit-check", expiresInDays: 1 }) });
    const { token } = (await created.json()) as { token: { id: string } };
    expect(await rowFor(created.headers.get("x-request-id"), "action=token.")).toMatchObject({ action: "token.create", actor: "admin", name: "audit-check" });
    const revoked = await admin.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
    expect(await rowFor(revoked.headers.get("x-request-id"), "action=token.")).toMatchObject({ action: "token.revoke", actor: "admin" });
  });
});

describe("audit queries", () => {
  it("filter by user, action prefix, outcome and time range", async () => {
    const all = await events("limit=200");
    expect(all.length).toBeGreaterThan(0);
    for (const e of await events("user=adm&limit=50")) expect(e.actor).toContain("adm");
    for (const e of await events("action=token.&limit=50")) expect(e.action.startsWith("token.")).toBe(true);
    for (const e of await events("outcome=failure&limit=50")) expect(e.outcome).toBe("failure");
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await events(`from=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await events(`to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&limit=5`)).length).toBeGreaterThan(0);
    const newestFirst = all.map((e) => e.at);
    expect([...newestFirst].sort().reverse()).toEqual(newestFirst);
  });

  it.each(["outcome=maybe", "from=yesterday", "limit=0", "limit=100000"])("rejects %s with 400", async (q) => {
    expect((await admin.fetch(`/api/v1/audit?${q}`)).status).toBe(400);
  });

  it("exports CSV as a download, with spreadsheet formulas neutralised", async () => {
    // A free-text field that reaches the log: the reason of an action request (here refused: a viewer may not act).
    const evil = "=HYPERLINK(\"https://evil.example\",\"x\")";
    const viewer = await signIn("viewer");
    const request = () =>
      viewer.fetch("/api/v1/clusters/demo/actions", {
        method: "POST",
        body: JSON.stringify({ action: "suspend", resource: "helmreleases", namespace: "airflow", name: "airflow", reason: evil }),
      });
    // Earlier test files may have used up the viewer's per-minute action budget: wait for the window as a client would.
    const refused = await waitingOutLimit(request);
    expect(refused.status).toBe(403);
    const res = await admin.fetch("/api/v1/audit?format=csv&outcome=denied&action=action.suspend");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="fluxtower-audit-.*\.csv"$/);
    const csv = await res.text();
    expect(csv.split("\r\n")[0]).toMatch(/^"at","actor","actorSubject","groups","action"/);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)"=/m);
  }, 120_000);

  it("the Audit page renders the filtered rows", async () => {
    const html = await (await admin.fetch("/audit?action=token.&user=admin")).text();
    expect(html).toContain("token.create");
    expect(html.includes('href="/api/v1/audit?user=admin&amp;action=token.&amp;format=csv"'), "CSV link keeps the filters").toBe(true);
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s /api/v1/audit is not a thing (append-only)", async (method) => {
    const res = await fetch(new URL("/api/v1/audit", APP_URL), { method, headers: { cookie: admin.cookie, origin: APP_URL, "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).not.toBe(500);
  });

  it("needs a session", async () => {
    expect((await appFetch("/api/v1/audit")).status).toBe(401);
    expect((await appFetch("/api/v1/audit?format=csv")).status).toBe(401);
  });
});
