// SECURITY.md S15: with FLUXTOWER_READ_ONLY=true every change is refused with 403 — whatever the role or RBAC —
// while signing in and out and managing one's own API tokens (credentials, not changes) keep working. This file
// starts a second app instance in read-only mode against the same demo cluster.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DIR } from "./harness";
import { apiRoutes } from "./security-routes";

let app: ChildProcess;
let url = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => (a && typeof a === "object" ? resolve(a.port) : reject(new Error("no port"))));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  app = spawn(path.join("node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      KUBECONFIG: path.join(DEMO_DIR, "fluxtower.kubeconfig"),
      PORT: String(port),
      FLUXTOWER_PUBLIC_URL: url,
      FLUXTOWER_DEMO_MODE: "true",
      FLUXTOWER_READ_ONLY: "true",
      DATABASE_URL: `file:${path.join(DEMO_DIR, "read-only-instance.db")}`,
    },
    detached: true,
    stdio: "ignore",
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/api/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the read-only instance did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
}, 90_000);

afterAll(() => {
  if (app.pid) process.kill(-app.pid, "SIGTERM");
});

async function signInAs(username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: "POST",
    headers: { origin: url, "content-type": "application/json" },
    body: JSON.stringify({ username, password: process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo" }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

function send(cookie: string, method: string, p: string, body: unknown = {}): Promise<Response> {
  return fetch(`${url}${p}`, { method, headers: { cookie, origin: url, "content-type": "application/json" }, body: JSON.stringify(body), redirect: "manual" });
}

// The only writes allowed in read-only mode, each for a stated reason. Anything else that changes state must 403.
const ALLOWED_IN_READ_ONLY: { route: RegExp; why: string }[] = [
  { route: /^(POST|DELETE) \/api\/v1\/session$/, why: "signing in and out" },
  { route: /^POST \/api\/v1\/tokens$|^DELETE \/api\/v1\/tokens\/[^/]+$/, why: "one's own API tokens: credentials, not changes" },
  { route: /^POST \/api\/v1\/clusters\/[^/]+\/checklists\/[^/]+\/[^/]+\/evaluate$/, why: "re-evaluating a checklist only reads the cluster" },
];
const allowed = (c: { method: string; url: string }) => ALLOWED_IN_READ_ONLY.some((a) => a.route.test(`${c.method} ${c.url}`));

const changes = apiRoutes()
  .filter((r) => !r.file.includes("[...path]"))
  .flatMap((r) => r.methods.filter((m) => m !== "GET").map((method) => ({ method, url: r.url })))
  .filter((c) => !allowed(c));

describe("read-only mode", () => {
  it("finds routes that change things", () => expect(changes.length).toBeGreaterThanOrEqual(3));

  it.each(changes)("$method $url → 403 read_only, even for an admin", async ({ method, url: p }) => {
    const admin = await signInAs("admin");
    const res = await send(admin, method, p);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("read_only");
  });

  it("a well-formed action from an admin is refused and the cluster is not touched", async () => {
    const admin = await signInAs("admin");
    const res = await send(admin, "POST", "/api/v1/clusters/demo/actions", { action: "suspend", resource: "helmreleases", namespace: "airflow", name: "airflow" });
    expect(res.status).toBe(403);
    const detail = (await (await fetch(`${url}/api/v1/clusters/demo/resources/helmreleases/airflow/airflow`, { headers: { cookie: admin } })).json()) as { suspended?: boolean; summary?: { suspended?: boolean } };
    expect(detail.suspended ?? detail.summary?.suspended ?? false).toBe(false);
  });

  it("the UI says so and offers no action", async () => {
    const admin = await signInAs("admin");
    const html = await (await fetch(`${url}/`, { headers: { cookie: admin } })).text();
    expect(html).toContain("Read-only mode");
    const perms = (await (await fetch(`${url}/api/v1/clusters/demo/permissions?resource=helmreleases&namespace=airflow&name=airflow`, { headers: { cookie: admin } })).json()) as {
      actions: Record<string, { allowed: boolean }>;
    };
    expect(Object.values(perms.actions).length).toBeGreaterThan(0);
    expect(Object.values(perms.actions).every((a) => !a.allowed)).toBe(true);
  });

  it("reading, signing out and managing one's own tokens still work", async () => {
    const operator = await signInAs("operator");
    expect((await fetch(`${url}/api/v1/clusters`, { headers: { cookie: operator } })).status).toBe(200);
    const created = await send(operator, "POST", "/api/v1/tokens", { name: "ro", expiresInDays: 1 });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: { id: string } };
    expect((await send(operator, "DELETE", `/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect((await send(operator, "DELETE", "/api/v1/session")).status).toBe(204);
  });
});
