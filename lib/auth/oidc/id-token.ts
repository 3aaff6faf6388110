// ID Token claim checks (OpenID Connect Core §3.1.3.7) after the signature has verified: issuer, audience (exactly
// our client; azp, when present, is our client), expiry, issued-at (not in the future, not older than 10 min),
// not-before, nonce (compared by hash with the one stored for this sign-in) and a subject.
import { createHash, timingSafeEqual } from "node:crypto";
import { OidcError } from "./errors";

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** sha256 hex of the nonce sent in the authorization request. */
  nonceHash: string;
  /** Seconds since the epoch. */
  now: number;
  clockSkewSeconds?: number;
  maxAgeSeconds?: number;
}

export interface IdTokenClaims {
  sub: string;
  claims: Record<string, unknown>;
}

function fail(detail: string): never {
  throw new OidcError("invalid_id_token", detail);
}

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

function numeric(claims: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const v = claims[name];
  if (v === undefined && !required) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) fail(`${name} is missing or not a number`);
  return v;
}

export function validateIdTokenClaims(claims: Record<string, unknown>, want: IdTokenExpectations): IdTokenClaims {
  const skew = want.clockSkewSeconds ?? 60;
  const maxAge = want.maxAgeSeconds ?? 600;
  if (claims.iss !== want.issuer) fail("issuer does not match");
  const aud = claims.aud;
  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  // Any audience besides us is one we do not trust (Core §3.1.3.7 step 3).
  if (audiences.length !== 1 || audiences[0] !== want.clientId) fail("audience is not exactly this client");
  if (claims.azp !== undefined && claims.azp !== want.clientId) fail("azp is not this client");
  const exp = numeric(claims, "exp", true) as number;
  if (want.now >= exp + skew) fail("token has expired");
  const iat = numeric(claims, "iat", true) as number;
  if (iat > want.now + skew) fail("token is issued in the future");
  if (want.now - iat > maxAge + skew) fail("token was issued too long ago");
  const nbf = numeric(claims, "nbf", false);
  if (nbf !== undefined && nbf > want.now + skew) fail("token is not valid yet");
  if (typeof claims.nonce !== "string" || !sameHash(sha256Hex(claims.nonce), want.nonceHash)) fail("nonce does not match");
  const sub = claims.sub;
  if (typeof sub !== "string" || sub.length === 0 || sub.length > 255) fail("sub is missing or invalid");
  return { sub, claims };
}
