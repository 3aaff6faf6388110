// A scripted browser for the OIDC tests: per-origin cookie jars and manual redirects, through the app's
// /api/auth/oidc/login, the real provider's login form (scripts/oidc-provider.ts), and back to the callback.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { APP_URL, DEMO_DIR } from "./harness";

export interface ProviderState {
  issuer: string;
  clientId: string;
  clientSecret: string;
  controlToken: string;
  password: string;
}

export const provider = JSON.parse(readFileSync(path.join(DEMO_DIR, "oidc.json"), "utf8")) as ProviderState;

export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: string): string | undefined {
    const jar = this.jars.get(new URL(url).origin);
    return jar && jar.size ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : undefined;
  }

  store(url: string, res: Response): void {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(origin, jar);
  }

  get(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).origin)?.get(name);
  }

  delete(url: string, name: string): void {
    this.jars.get(new URL(url).origin)?.delete(name);
  }
}

/** A fresh client address per flow, so the per-address sign-in limits of one test do not leak into another. */
export function randomIp(): string {
  return `10.${randomInt(1, 254)}.${randomInt(1, 254)}.${randomInt(1, 254)}`;
}

export class Browser {
  readonly jar = new CookieJar();
  readonly ip = randomIp();

  async get(url: string, extra: Record<string, string> = {}): Promise<Response> {
    const headers: Record<string, string> = { ...extra };
    const cookie = this.jar.header(url);
    if (cookie) headers.cookie = cookie;
    if (url.startsWith(APP_URL)) headers["x-forwarded-for"] = this.ip;
    const res = await fetch(url, { headers, redirect: "manual" });
    this.jar.store(url, res);
    return res;
  }

  async postForm(url: string, form: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    const cookie = this.jar.header(url);
    if (cookie) headers.cookie = cookie;
    const res = await fetch(url, { method: "POST", headers, body: new URLSearchParams(form).toString(), redirect: "manual" });
    this.jar.store(url, res);
    return res;
  }

  /** The app session cookie ("name=value"), if any. */
  sessionCookie(): string | undefined {
    const v = this.jar.get(APP_URL, "fluxtower_session");
    return v ? `fluxtower_session=${v}` : undefined;
  }
}

export interface ProviderRound {
  /** The URL the provider sent the browser back to (our callback with code and state). */
  callbackUrl: string;
  /** The authorization request the app made. */
  authorizationUrl: URL;
}

/** App login → provider login form (as `user`) → the redirect back to our callback (not yet followed). */
export async function throughProvider(browser: Browser, user: string, next?: string, password = provider.password): Promise<ProviderRound> {
  const start = await browser.get(`${APP_URL}/api/auth/oidc/login${next ? `?next=${encodeURIComponent(next)}` : ""}`);
  if (start.status !== 303) throw new Error(`login start answered ${start.status}: ${await start.text()}`);
  const authorizationUrl = new URL(start.headers.get("location") ?? "");
  let url = authorizationUrl.toString();
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(`${APP_URL}/api/auth/oidc/callback`)) return { callbackUrl: url, authorizationUrl };
    const res = await browser.get(url);
    if (res.status === 200 && /\/interaction\/[\w-]+$/.test(new URL(url).pathname)) {
      const posted = await browser.postForm(`${url}/login`, { login: user, password });
      if (posted.status !== 303) throw new Error(`provider login as ${user} answered ${posted.status}`);
      url = new URL(posted.headers.get("location") ?? "", url).toString();
      continue;
    }
    if (res.status < 300 || res.status >= 400) throw new Error(`provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(res.headers.get("location") ?? "", url).toString();
  }
  throw new Error("too many redirects");
}

export interface SignInResult {
  browser: Browser;
  callback: Response;
  /** Where the app sent the browser: the landing page's target, or the /sign-in?error= redirect. */
  location: string;
  cookie?: string;
}

/** The whole flow. On success `cookie` is the app session cookie. */
export async function oidcSignIn(user: string, opts: { next?: string; browser?: Browser } = {}): Promise<SignInResult> {
  const browser = opts.browser ?? new Browser();
  const { callbackUrl } = await throughProvider(browser, user, opts.next);
  const callback = await browser.get(callbackUrl);
  const body = callback.status === 200 ? await callback.text() : "";
  const location = callback.status === 200 ? (/url=([^"]+)"/.exec(body)?.[1] ?? "") : (callback.headers.get("location") ?? "");
  return { browser, callback, location, cookie: browser.sessionCookie() };
}

/** Arms the provider to forge the next ID token it issues (see scripts/oidc-token-forgery.ts). */
export async function armForgery(mode: string): Promise<void> {
  const res = await fetch(`${provider.issuer}/__test/id-token`, {
    method: "POST",
    headers: { authorization: `Bearer ${provider.controlToken}`, "content-type": "application/json" },
    body: JSON.stringify({ mode }),
  });
  if (res.status !== 204) throw new Error(`arming ${mode} failed: ${res.status}`);
}
