// A second instance of the app (`next start` on another port) on the same database and demo cluster, as a second
// replica behind a load balancer would be; and sessions on it (sessions live in the shared database).
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { DEMO_DIR, eventually, type Session } from "./harness";

const ROOT = path.resolve(__dirname, "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface AppInstance {
  url: string;
  child: ChildProcess;
  /** SIGKILL, like a crashed replica. */
  kill(): void;
}

/**
 * Starts the instance and waits for /api/healthz (it needs DATABASE_URL: the same database as the main app).
 * Like the main test stack it trusts one proxy hop (tests choose client addresses with X-Forwarded-For); an
 * `extraEnv` value of undefined leaves that variable unset (the product default).
 */
export async function startInstance(port: number, extraEnv: Record<string, string | undefined> = {}): Promise<AppInstance> {
  if (!process.env.DATABASE_URL) throw new Error("a second app instance needs DATABASE_URL (the app's database)");
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(path.join(os.tmpdir(), `fluxtower-instance-${port}.log`), "a");
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      KUBECONFIG: path.join(DEMO_DIR, "fluxtower.kubeconfig"),
      FLUXTOWER_PUBLIC_URL: url,
      FLUXTOWER_DEMO_MODE: "true",
      FLUXTOWER_TRUSTED_PROXY_HOPS: "1",
      ...extraEnv,
    },
  });
  const kill = () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  };
  try {
    await eventually(async () => (await fetch(`${url}/api/healthz`).catch(() => undefined))?.ok || undefined, 90_000, 300);
  } catch (err) {
    kill();
    throw err;
  }
  return { url, child, kill };
}

/** Signs in with the demo password on `base` (any instance; the session works on all of them). */
export async function signInAt(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json" },
    body: JSON.stringify({ username, password: process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo" }),
  });
  if (res.status !== 200) throw new Error(`sign-in on ${base} → ${res.status}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  return {
    cookie,
    fetch: (p, init = {}) => fetch(new URL(p, base), { ...init, headers: { cookie, origin: base, "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) } }),
  };
}
