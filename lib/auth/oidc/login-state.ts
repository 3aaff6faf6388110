// Server-side state of one OIDC sign-in: created when the browser is sent to the provider, consumed (once) by the
// callback within 10 minutes. Only hashes of `state`, `nonce` and the browser-binding cookie are stored. The nonce
// is derived from the browser-binding secret (OIDC Core §15.5.2: a hash of a value kept in an HttpOnly cookie), so
// the callback can hand openid-client the nonce to expect without the database ever holding it.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { sha256Hex } from "./id-token";

/** 256 random bits, base64url (43 characters — also a valid PKCE verifier, RFC 7636 §4.1). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The nonce of the sign-in whose browser-binding cookie holds `browserSecret`. */
export function nonceFor(browserSecret: string): string {
  return createHash("sha256").update(`fluxtower-oidc-nonce:${browserSecret}`, "utf8").digest("base64url");
}

export const LOGIN_STATE_TTL_MS = 10 * 60_000;
const KEEP_USED_MS = 24 * 3_600_000;

export interface NewLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Value of the browser-binding cookie (HttpOnly, SameSite=Lax, only on /api/auth/oidc). */
  browserSecret: string;
}

export interface ConsumedLoginState {
  nonce: string;
  nonceHash: string;
  codeVerifier: string;
  returnTo: string;
}

export async function createLoginState(returnTo: string, now = Date.now()): Promise<NewLoginState> {
  const db = await getDb();
  const browserSecret = randomToken();
  const fresh: NewLoginState = { state: randomToken(), nonce: nonceFor(browserSecret), codeVerifier: randomToken(), browserSecret };
  await db.loginState.deleteMany({ where: { expiresAt: { lt: new Date(now - KEEP_USED_MS) } } });
  await db.loginState.create({
    data: {
      id: sha256Hex(fresh.state),
      nonceHash: sha256Hex(fresh.nonce),
      codeVerifier: fresh.codeVerifier,
      browserHash: sha256Hex(fresh.browserSecret),
      returnTo,
      createdAt: new Date(now),
      expiresAt: new Date(now + LOGIN_STATE_TTL_MS),
    },
  });
  return fresh;
}

/**
 * Marks the state used and returns it — or null when it is unknown, expired, already used, or was started in
 * another browser. The state is spent even when the browser check fails, so it can never be replayed.
 */
export async function consumeLoginState(state: string, browserSecret: string | undefined, now = Date.now()): Promise<ConsumedLoginState | null> {
  if (!state || state.length > 128) return null;
  const db = await getDb();
  const id = sha256Hex(state);
  const claimed = await db.loginState.updateMany({ where: { id, usedAt: null, expiresAt: { gt: new Date(now) } }, data: { usedAt: new Date(now) } });
  if (claimed.count !== 1) return null;
  const row = await db.loginState.findUnique({ where: { id } });
  if (!row || !browserSecret) return null;
  const a = Buffer.from(row.browserHash, "utf8");
  const b = Buffer.from(sha256Hex(browserSecret), "utf8");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const nonce = nonceFor(browserSecret);
  if (sha256Hex(nonce) !== row.nonceHash) return null;
  return { nonce, nonceHash: row.nonceHash, codeVerifier: row.codeVerifier, returnTo: row.returnTo };
}
