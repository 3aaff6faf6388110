// SECURITY.md S12: logs redact Authorization headers, tokens, cookies and kubeconfigs. This file makes the app log
// the situations where credentials are near at hand — the API server failing (500s, then a connection reset outage
// while watches reconnect), a failed OpenID Connect sign-in (a forged ID token; a callback with a bogus code), and
// requests that carry an `ft_` API token, a session cookie and a bogus bearer token — then searches the app's log
// file (<stack>/app.log, stdout and stderr of `next start`) for every credential involved: the bearer token and
// `ft_` tokens used, the session and login cookies, every token in the demo kubeconfigs (the app's own included),
// the OIDC client secret, the authorization code and state. It also checks that the failures were logged at all,
// so an empty log cannot pass.
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { APP_URL, DEMO_DIR, appFetch, demoControl, eventually, signIn, type Session } from "./harness";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";
import { armForgery, Browser, provider, throughProvider } from "./security-oidc-client";

const LOG = path.join(DEMO_DIR, "app.log");
let logStart = 0;
let f: Fixtures;
let admin: Session;
let operator: Session;
/** Every credential that must never reach the log, by a label for the failure message. */
const needles = new Map<string, string>();

function kubeconfigTokens(file: string): string[] {
  const config = parse(readFileSync(path.join(DEMO_DIR, file), "utf8")) as { users: Array<{ name: string; user: { token?: string } }> };
  return config.users.flatMap((u) => (u.user.token ? [u.user.token] : []));
}

/** What the app wrote to its log since this file started. */
function newLog(): string {
  return readFileSync(LOG).subarray(logStart).toString("utf8");
}

beforeAll(async () => {
  logStart = statSync(LOG).size;
  f = await createFixtures();
  [admin, operator] = await Promise.all([signIn("admin"), signIn("operator")]);
  for (const [i, t] of kubeconfigTokens("kubeconfig").entries()) needles.set(`demo kubeconfig token #${i}`, t);
  for (const t of kubeconfigTokens("fluxtower.kubeconfig")) needles.set("the app's kubeconfig token", t);
  needles.set("OIDC client secret", provider.clientSecret);
  needles.set("admin session cookie", admin.cookie.split("=")[1]);
  needles.set("operator session cookie", operator.cookie.split("=")[1]);
}, 60_000);

afterAll(async () => {
  await demoControl("/__demo/faults", { method: "DELETE" });
  if (f) await deleteFixtures(f);
});

describe("S12: no credential in the app's log", () => {
  it("requests carrying an ft_ token, a bogus ft_ token, a bogus bearer token and cookies", async () => {
    const created = await admin.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "s12-log-check", expiresInDays: 1 }) });
    expect(created.status).toBe(201);
    const { token, secret } = (await created.json()) as { token: { id: string }; secret: string };
    expect(secret).toMatch(/^ft_/);
    needles.set("a valid ft_ API token", secret);
    const bogusFt = `ft_${randomBytes(32).toString("base64url")}`;
    const bogusBearer = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString("base64url")}.${randomBytes(24).toString("base64url")}`;
    const bogusCookie = randomBytes(32).toString("base64url");
    needles.set("a bogus ft_ token", bogusFt);
    needles.set("a bogus JWT-like bearer token", bogusBearer);
    needles.set("a bogus session cookie", bogusCookie);

    expect((await appFetch("/api/v1/overview", { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect((await appFetch("/api/v1/overview", { headers: { authorization: `Bearer ${bogusFt}` } })).status).toBe(401);
    expect((await appFetch("/api/v1/overview", { headers: { authorization: `Bearer ${bogusBearer}` } })).status).toBe(401);
    expect((await appFetch("/api/v1/overview", {}, `fluxtower_session=${bogusCookie}`)).status).toBe(401);
    // A change with a token and a cookie at once, and one whose body names a token (a bad field).
    const bad = await appFetch("/api/v1/tokens", { method: "POST", headers: { authorization: `Bearer ${secret}` }, body: JSON.stringify({ name: "x", expiresInDays: 1, token: bogusFt }) }, admin.cookie);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect((await admin.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" })).status).toBe(204);
  });

  it("a failed OpenID Connect sign-in: a forged ID token, then a bogus code with a stale state", async () => {
    await armForgery("wrong-audience");
    const browser = new Browser();
    const round = await throughProvider(browser, "alice");
    const callback = new URL(round.callbackUrl);
    needles.set("the authorization code", callback.searchParams.get("code") ?? "");
    needles.set("the OIDC state", callback.searchParams.get("state") ?? "");
    const first = await browser.get(round.callbackUrl);
    expect(first.headers.get("location") ?? "").toMatch(/\/sign-in\?error=/);
    for (const name of ["fluxtower_oidc", "__Secure-fluxtower_oidc"]) {
      const v = browser.jar.get(APP_URL, name);
      if (v) needles.set(`login cookie ${name}`, v);
    }
    const bogusCode = randomBytes(24).toString("base64url");
    needles.set("a bogus authorization code", bogusCode);
    const replay = await browser.get(`${APP_URL}/api/auth/oidc/callback?code=${bogusCode}&state=${callback.searchParams.get("state")}`);
    expect(replay.headers.get("location") ?? "").toMatch(/\/sign-in\?error=/);
  });

  it("the API server failing: every request a 500, then connection resets while the watches reconnect", async () => {
    const faults = (body: unknown) => demoControl("/__demo/faults", { method: "POST", body: JSON.stringify(body) });
    expect((await faults({ errorRate: 1, errorCode: 500, dropWatchesNow: true })).status).toBe(200);
    // Requests made as the user (the live read before an action, a pod log) meet the failure.
    const action = await operator.fetch("/api/v1/clusters/demo/actions", { method: "POST", body: JSON.stringify({ action: "reconcile", resource: "gitrepositories", namespace: f.ns, name: "repo" }) });
    expect(action.status).toBeGreaterThanOrEqual(500);
    expect((await admin.fetch(`/api/v1/clusters/demo/logs/${f.ns}/nope`)).status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await faults({ errorRate: 0, outageSeconds: 3, outageMode: "reset" })).status).toBe(200);
    const during = await operator.fetch("/api/v1/clusters/demo/actions", { method: "POST", body: JSON.stringify({ action: "reconcile", resource: "gitrepositories", namespace: f.ns, name: "repo" }) });
    expect(during.status).toBeGreaterThanOrEqual(500);
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await demoControl("/__demo/faults", { method: "DELETE" })).status).toBe(200);
    await eventually(async () => {
      const b = (await (await admin.fetch("/api/v1/clusters")).json()) as { clusters: { id: string; status: string }[] };
      return b.clusters.find((c) => c.id === "demo")?.status === "connected";
    }, 30_000, 500);
  }, 60_000);

  it("the log recorded those failures, and no credential, raw or base64", async () => {
    const log = await eventually(async () => {
      const text = newLog();
      // pino writes asynchronously: wait for the lines of the failures above.
      const seen = [/injected fault \(500\)/, /socket hang up|ECONNRESET/, /oidc sign-in failed.*invalid_id_token|invalid_id_token.*oidc sign-in failed/, /invalid_state/];
      return seen.every((re) => re.test(text)) ? text : undefined;
    }, 15_000, 500);
    const leaks: string[] = [];
    for (const [label, value] of needles) {
      expect(value.length, label).toBeGreaterThan(8);
      if (log.includes(value)) leaks.push(label);
      if (log.includes(Buffer.from(value).toString("base64"))) leaks.push(`${label} (base64)`);
    }
    expect(leaks).toEqual([]);
    expect(log.match(/ft_[A-Za-z0-9_-]{43}/g) ?? [], "no ft_ token of any user").toEqual([]);
    expect(log.match(/bearer\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/gi) ?? [], "no bearer credential").toEqual([]);
    expect(log.match(/fluxtower_session=[A-Za-z0-9_-]{8,}/g) ?? [], "no session cookie").toEqual([]);
  });
});
