// Shared helpers for integration tests: they run against the stack started by scripts/test.sh
// (FLUXTOWER_TEST_URL = the app, FLUXTOWER_TEST_DEMO_DIR = the demo cluster's state dir).
import { readFileSync } from "node:fs";
import path from "node:path";

export const APP_URL = process.env.FLUXTOWER_TEST_URL ?? "";
export const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";

if (!APP_URL || !DEMO_DIR) {
  throw new Error("Integration tests need FLUXTOWER_TEST_URL and FLUXTOWER_TEST_DEMO_DIR (run them with `npm test`).");
}

export const demoServer = JSON.parse(readFileSync(path.join(DEMO_DIR, "server.json"), "utf8")) as {
  url: string;
  controlToken: string;
};
export const demoKubeconfig = path.join(DEMO_DIR, "kubeconfig");

export interface Session {
  cookie: string;
  fetch: (p: string, init?: RequestInit) => Promise<Response>;
}

/** fetch against the app with the same-origin headers a browser would send for state-changing requests. */
export function appFetch(p: string, init: RequestInit = {}, cookie?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("cookie", cookie);
  if (init.method && init.method !== "GET" && !headers.has("origin")) headers.set("origin", APP_URL);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  return fetch(new URL(p, APP_URL), { ...init, headers, redirect: "manual" });
}

export async function signIn(username: string, password = process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo"): Promise<Session> {
  const res = await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  return { cookie, fetch: (p, init) => appFetch(p, init, cookie) };
}

/** Calls a demo-cluster control endpoint (/__demo/...). */
export async function demoControl(p: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${demoServer.controlToken}`);
  if (init.body) headers.set("content-type", "application/json");
  return fetch(new URL(p, demoServer.url), { ...init, headers });
}

/** Polls fn until it returns a truthy value or the timeout passes. */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 15_000, stepMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/**
 * Runs a request again after its Retry-After when the per-user limit answered 429: test files share the demo users,
 * and the burst tests use up the viewer's per-minute action budget on purpose. Only the limit is waited out.
 */
export async function waitingOutLimit(send: () => Promise<Response>, maxWaits = 2): Promise<Response> {
  let res = await send();
  for (let i = 0; i < maxWaits && res.status === 429; i++) {
    await new Promise((r) => setTimeout(r, ((Number(res.headers.get("retry-after")) || 5) + 1) * 1000));
    res = await send();
  }
  return res;
}
