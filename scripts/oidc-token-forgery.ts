// Test-only ID token forgeries for scripts/oidc-provider.ts: each takes the genuine ID token the provider just
// issued and returns a variant the relying party must reject (or, for "genuine", the token itself).
import { createHmac, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";

export const FORGERIES = [
  "genuine",
  "wrong-audience",
  "extra-audience",
  "expired",
  "issued-in-future",
  "wrong-issuer",
  "wrong-nonce",
  "tampered",
  "alg-none",
  "hs256-with-public-key",
  "unknown-key",
] as const;

export type Forgery = (typeof FORGERIES)[number];

type Json = Record<string, unknown>;

const b64 = (v: Json) => Buffer.from(JSON.stringify(v)).toString("base64url");
const parse = (part: string): Json => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Json;

function rs256(header: Json, payload: Json, key: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

export function forge(idToken: string, mode: Forgery, signingKey: KeyObject): string {
  const [h, p, s] = idToken.split(".");
  const header = parse(h);
  const payload = parse(p);
  const now = Math.floor(Date.now() / 1000);
  switch (mode) {
    case "genuine":
      return idToken;
    case "wrong-audience":
      return rs256(header, { ...payload, aud: "some-other-client" }, signingKey);
    case "extra-audience":
      return rs256(header, { ...payload, aud: [payload.aud, "some-other-client"], azp: payload.aud }, signingKey);
    case "expired":
      return rs256(header, { ...payload, iat: now - 300, exp: now - 120 }, signingKey);
    case "issued-in-future":
      return rs256(header, { ...payload, iat: now + 3600, exp: now + 7200 }, signingKey);
    case "wrong-issuer":
      return rs256(header, { ...payload, iss: "http://127.0.0.1:1/not-the-issuer" }, signingKey);
    case "wrong-nonce":
      return rs256(header, { ...payload, nonce: "an-attacker-chosen-nonce" }, signingKey);
    case "tampered":
      // carol promotes herself: the payload changes, the genuine signature stays.
      return `${h}.${b64({ ...payload, groups: ["fluxtower-admins"] })}.${s}`;
    case "alg-none":
      return `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...payload, groups: ["fluxtower-admins"] })}.`;
    case "hs256-with-public-key": {
      // The classic key-confusion attack: HMAC keyed with the provider's public key (which anyone can fetch).
      const pem = createPublicKey(signingKey).export({ type: "spki", format: "pem" });
      const input = `${b64({ alg: "HS256", typ: "JWT", kid: header.kid })}.${b64({ ...payload, groups: ["fluxtower-admins"] })}`;
      return `${input}.${createHmac("sha256", pem).update(input).digest("base64url")}`;
    }
    case "unknown-key": {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      return rs256({ ...header, kid: "attacker-key" }, { ...payload, groups: ["fluxtower-admins"] }, privateKey);
    }
  }
}
