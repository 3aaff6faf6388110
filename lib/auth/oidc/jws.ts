// Compact JWS parsing and signature verification with node:crypto only. Accepted algorithms: RS256 and ES256.
// `none`, HMAC (HS*) and anything else are refused before a key is even looked at, so a token can never choose
// a symmetric "key" made from our public key, or skip the signature.
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from "node:crypto";
import { OidcError } from "./errors";

export const ACCEPTED_ALGS = ["RS256", "ES256"] as const;
export type AcceptedAlg = (typeof ACCEPTED_ALGS)[number];

export interface Jwk {
  kty: string;
  kid?: string;
  use?: string;
  alg?: string;
  [member: string]: unknown;
}

export interface JwsHeader {
  alg: AcceptedAlg;
  kid?: string;
  typ?: string;
}

export interface DecodedJws {
  header: JwsHeader;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const MAX_TOKEN_LENGTH = 16 * 1024;
const B64URL = /^[A-Za-z0-9_-]*$/;

function fail(detail: string): never {
  throw new OidcError("invalid_id_token", detail);
}

function decodeJsonPart(part: string, what: string): Record<string, unknown> {
  if (!B64URL.test(part)) fail(`${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    fail(`${what} is not JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function isAcceptedAlg(alg: unknown): alg is AcceptedAlg {
  return typeof alg === "string" && (ACCEPTED_ALGS as readonly string[]).includes(alg);
}

export function decodeJws(token: string): DecodedJws {
  if (token.length > MAX_TOKEN_LENGTH) fail("token too long");
  const parts = token.split(".");
  if (parts.length !== 3) fail("not a compact JWS (three parts)");
  const [h, p, s] = parts;
  const header = decodeJsonPart(h, "header");
  if (!isAcceptedAlg(header.alg)) fail(`algorithm ${JSON.stringify(header.alg)} is not accepted`);
  if (header.crit !== undefined) fail("critical header parameters are not supported");
  if (header.typ !== undefined && (typeof header.typ !== "string" || header.typ.toUpperCase() !== "JWT")) fail("typ is not JWT");
  if (header.kid !== undefined && typeof header.kid !== "string") fail("kid is not a string");
  const payload = decodeJsonPart(p, "payload");
  if (!s || !B64URL.test(s)) fail("signature missing or not base64url");
  return {
    header: { alg: header.alg, kid: header.kid as string | undefined, typ: header.typ as string | undefined },
    payload,
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, "base64url"),
  };
}

function keyFits(jwk: Jwk, alg: AcceptedAlg): boolean {
  if (jwk.use !== undefined && jwk.use !== "sig") return false;
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  return alg === "RS256" ? jwk.kty === "RSA" : jwk.kty === "EC" && jwk.crv === "P-256";
}

/** The key for this header: by `kid` when the token names one, else the only key that fits the algorithm. */
export function selectKey(keys: readonly Jwk[], header: JwsHeader): Jwk {
  const fitting = keys.filter((k) => keyFits(k, header.alg));
  if (header.kid !== undefined) {
    const key = fitting.find((k) => k.kid === header.kid);
    if (!key) fail(`no ${header.alg} signing key with kid ${JSON.stringify(header.kid)}`);
    return key;
  }
  if (fitting.length !== 1) fail(`token has no kid and ${fitting.length} keys fit ${header.alg}`);
  return fitting[0];
}

function publicKey(jwk: Jwk): KeyObject {
  // Only the public members: a JWKS that (wrongly) publishes private parts must not turn into a private key.
  const { kty, n, e, crv, x, y } = jwk;
  try {
    return createPublicKey({ key: { kty, n, e, crv, x, y } as JsonWebKey, format: "jwk" });
  } catch (err) {
    return fail(`signing key is unusable: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Throws unless the signature verifies with `jwk`. */
export function verifyJws(jws: DecodedJws, jwk: Jwk): void {
  if (!keyFits(jwk, jws.header.alg)) fail("key does not fit the algorithm");
  const key = publicKey(jwk);
  const input = Buffer.from(jws.signingInput, "ascii");
  let ok: boolean;
  if (jws.header.alg === "RS256") {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) fail(`RSA key of ${bits} bits is too small`);
    ok = verify("sha256", input, key, jws.signature);
  } else {
    if (jws.signature.length !== 64) fail("ES256 signature must be 64 bytes");
    ok = verify("sha256", input, { key, dsaEncoding: "ieee-p1363" }, jws.signature);
  }
  if (!ok) fail("signature does not verify");
}
