// SECURITY.md S5: a user with two mapped groups reaches the API server as two separate Impersonate-Group header
// lines (client-node alone would send only Impersonate-User). bob's IdP groups are fluxtower-operators and
// unrelated-team (scripts/oidc-provider.ts); the main stack maps only the first, so this file starts a second app
// instance (own SQLite database, own test OpenID provider for its redirect URI) that also maps unrelated-team
// (FLUXTOWER_VIEWER_GROUPS). In the demo's RBAC (democluster/auth/policy.yaml, binding oidc-unrelated-team-edit) only
// the group oidc:unrelated-team may change objects in the namespace unrelated-team, so bob's reconcile there
// succeeds only if that group reaches the cluster as its own header line; the demo's request log
// (GET /__demo/requests) shows the lines exactly as received.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, type Session } from "./harness";
import { create, finished, kube, lastSeq, requestsSince, type LoggedRequest } from "./actions-helpers";
import { freePort, startInstance, type AppInstance } from "./app-instance";
import { CookieJar } from "./security-oidc-client";

const ROOT = path.resolve(__dirname, "../..");
const NS = "unrelated-team";
const NAME = `s5-${randomBytes(3).toString("hex")}`;
const OBJ = `/apis/source.toolkit.fluxcd.io/v1/namespaces/${NS}/gitrepositories/${NAME}`;

interface ProviderState {
  issuer: string;
  clientId: string;
  clientSecret: string;
  password: string;
}

let dir = "";
let providerProcess: ChildProcess | undefined;
let instance: AppInstance | undefined;
let bob: Session;
/** The demo request log position before bob's first request that concerns the namespace. */
let firstSeq = 0;

function startProvider(redirectUri: string): Promise<ProviderState> {
  providerProcess = spawn("npx", ["tsx", "scripts/oidc-provider.ts", "--port", "0", "--state-dir", dir, "--redirect-uri", redirectUri], {
    cwd: ROOT,
    detached: true,
    stdio: "ignore",
  });
  return eventually(async () => JSON.parse(readFileSync(path.join(dir, "oidc.json"), "utf8")) as ProviderState, 60_000, 300);
}

/** Authorization code flow through the instance and the provider's login form, as a browser would. */
async function oidcSignInAt(base: string, provider: ProviderState, user: string): Promise<Session> {
  const jar = new CookieJar();
  const get = async (url: string) => {
    const cookie = jar.header(url);
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    jar.store(url, res);
    return res;
  };
  let url = `${base}/api/auth/oidc/login`;
  for (let hop = 0; hop < 15; hop++) {
    const res = await get(url);
    if (res.status === 200 && /\/interaction\/[\w-]+$/.test(new URL(url).pathname)) {
      const cookie = jar.header(url);
      const posted = await fetch(`${url}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams({ login: user, password: provider.password }).toString(),
        redirect: "manual",
      });
      jar.store(url, posted);
      url = new URL(posted.headers.get("location") ?? "", url).toString();
      continue;
    }
    if (url.startsWith(`${base}/api/auth/oidc/callback`)) break;
    if (res.status < 300 || res.status >= 400) throw new Error(`sign-in answered ${res.status} at ${url}`);
    url = new URL(res.headers.get("location") ?? "", url).toString();
  }
  const session = jar.get(base, "fluxtower_session");
  if (!session) throw new Error(`${user} got no session on ${base}`);
  const cookie = `fluxtower_session=${session}`;
  return {
    cookie,
    fetch: (p, init = {}) =>
      fetch(new URL(p, base), { ...init, headers: { cookie, origin: base, "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) } }),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fluxtower-s5-"));
  const port = await freePort();
  const provider = await startProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
  instance = await startInstance(port, {
    DATABASE_URL: `file:${path.join(dir, "s5.db")}`,
    FLUXTOWER_OIDC_ISSUER: provider.issuer,
    FLUXTOWER_OIDC_CLIENT_ID: provider.clientId,
    FLUXTOWER_OIDC_CLIENT_SECRET: provider.clientSecret,
    FLUXTOWER_OIDC_SCOPES: "openid,profile,email,groups",
    FLUXTOWER_ADMIN_GROUPS: "fluxtower-admins",
    FLUXTOWER_OPERATOR_GROUPS: "fluxtower-operators",
    FLUXTOWER_VIEWER_GROUPS: "unrelated-team",
    FLUXTOWER_TRUSTED_PROXY_HOPS: undefined,
  });
  await create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } }, { existingOk: true });
  await create(`/apis/source.toolkit.fluxcd.io/v1/namespaces/${NS}/gitrepositories`, {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "GitRepository",
    metadata: { name: NAME, namespace: NS },
    spec: { url: "https://github.com/acme/unrelated-team", interval: "10m", ref: { branch: "main" } },
  });
  bob = await oidcSignInAt(instance.url, provider, "bob");
}, 180_000);

afterAll(async () => {
  instance?.kill();
  if (providerProcess?.pid) process.kill(-providerProcess.pid, "SIGTERM");
  await kube("DELETE", OBJ);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("S5: two mapped groups, two Impersonate-Group header lines", () => {
  it("bob's session carries both mapped groups, prefixed (and no unmapped one)", async () => {
    const me = (await (await bob.fetch("/api/v1/session")).json()) as { user: { name: string; role: string; groups: string[] } };
    expect(me.user.role).toBe("operator");
    expect(me.user.groups).toEqual(["oidc:fluxtower-operators", "oidc:unrelated-team"]);
  });

  it("bob's reconcile reaches the cluster with one Impersonate-Group line per group, and the second group is what allows it", async () => {
    firstSeq = await lastSeq();
    // The instance's own watch cache must have seen the new object before bob can act on it.
    await eventually(async () => (await bob.fetch(`/api/v1/clusters/demo/permissions?resource=gitrepositories&namespace=${NS}&name=${NAME}`)).status === 200, 30_000, 300);
    const seq = await lastSeq();
    const res = await bob.fetch("/api/v1/clusters/demo/actions", {
      method: "POST",
      body: JSON.stringify({ action: "reconcile", resource: "gitrepositories", namespace: NS, name: NAME }),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const { operation } = (await res.json()) as { operation: { id: string } };
    await finished(bob, operation.id);
    const patches = (await requestsSince(seq)).filter((r) => r.method === "PATCH" && r.path === OBJ) as Array<LoggedRequest & { impersonationHeaders?: unknown }>;
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ user: "fluxtower", impersonatedUser: "oidc:bob", status: 200 });
    expect(patches[0].impersonationHeaders).toEqual({ user: "oidc:bob", groups: ["oidc:fluxtower-operators", "oidc:unrelated-team"] });
    expect(patches[0].impersonatedGroups).toEqual(["oidc:fluxtower-operators", "oidc:unrelated-team", "system:authenticated"]);
  });

  it("the access review asked as bob names both groups too (SubjectAccessReview spec.groups)", async () => {
    const reviews = (await requestsSince(firstSeq)).filter((r) => r.method === "POST" && r.path.endsWith("/subjectaccessreviews"));
    const bobs = reviews.map((r) => (r.body as { spec?: { user?: string; groups?: string[]; resourceAttributes?: { namespace?: string } } }).spec).filter((s) => s?.user === "oidc:bob" && s.resourceAttributes?.namespace === NS);
    expect(bobs.length).toBeGreaterThan(0);
    for (const spec of bobs) expect(spec?.groups).toEqual(["oidc:fluxtower-operators", "oidc:unrelated-team"]);
  });
});
