import { createHmac, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import { OidcError } from "./errors";
import { decodeJws, selectKey, verifyJws, type Jwk } from "./jws";

const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsaJwk: Jwk = { ...(rsa.publicKey.export({ format: "jwk" }) as Jwk), kid: "r1", alg: "RS256", use: "sig" };
const ecJwk: Jwk = { ...(ec.publicKey.export({ format: "jwk" }) as Jwk), kid: "e1", use: "sig" };

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");

function token(header: object, payload: object, key: KeyObject, ecdsa = false): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const sig = sign("sha256", Buffer.from(input), ecdsa ? { key, dsaEncoding: "ieee-p1363" } : key);
  return `${input}.${sig.toString("base64url")}`;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof OidcError ? `${err.code}: ${err.detail}` : String(err);
  }
  return "ok";
}

const payload = { sub: "alice", groups: ["x"] };

describe("JWS verification (node:crypto only)", () => {
  it("accepts a genuine RS256 token with the key named by kid", () => {
    const jws = decodeJws(token({ alg: "RS256", kid: "r1", typ: "JWT" }, payload, rsa.privateKey));
    expect(code(() => verifyJws(jws, selectKey([ecJwk, rsaJwk], jws.header)))).toBe("ok");
    expect(jws.payload).toEqual(payload);
  });

  it("accepts a genuine ES256 token (IEEE P1363 signature)", () => {
    const jws = decodeJws(token({ alg: "ES256", kid: "e1" }, payload, ec.privateKey, true));
    expect(code(() => verifyJws(jws, selectKey([rsaJwk, ecJwk], jws.header)))).toBe("ok");
  });

  it("picks the only fitting key when the token has no kid", () => {
    const jws = decodeJws(token({ alg: "RS256" }, payload, rsa.privateKey));
    expect(selectKey([rsaJwk, ecJwk], jws.header).kid).toBe("r1");
  });

  it.each([
    ["alg none", () => `${b64({ alg: "none" })}.${b64(payload)}.`, /algorithm "none" is not accepted/],
    ["alg none without signature part", () => `${b64({ alg: "none" })}.${b64(payload)}`, /three parts|not accepted/],
    ["HS256 keyed with the public key", () => {
      const pem = rsa.publicKey.export({ type: "spki", format: "pem" });
      const input = `${b64({ alg: "HS256", kid: "r1" })}.${b64(payload)}`;
      return `${input}.${createHmac("sha256", pem).update(input).digest("base64url")}`;
    }, /"HS256" is not accepted/],
    ["PS256 (not on the list)", () => `${b64({ alg: "PS256" })}.${b64(payload)}.AAAA`, /"PS256" is not accepted/],
    ["crit header", () => token({ alg: "RS256", crit: ["exp"] }, payload, rsa.privateKey), /critical/],
    ["typ other than JWT", () => token({ alg: "RS256", typ: "at+jwt" }, payload, rsa.privateKey), /typ/],
    ["payload not JSON", () => `${b64({ alg: "RS256" })}.${Buffer.from("nope").toString("base64url")}.AAAA`, /payload is not JSON/],
    ["payload with padding characters", () => `${b64({ alg: "RS256" })}.${b64(payload)}=.AAAA`, /base64url/],
    ["four parts", () => `a.b.c.d`, /three parts/],
    ["far too long", () => `${"a".repeat(20_000)}.b.c`, /too long/],
  ])("refuses %s before any key is used", (_name, make, message) => {
    expect(code(() => decodeJws(make()))).toMatch(message);
  });

  it("refuses a tampered payload (signature no longer matches)", () => {
    const genuine = token({ alg: "RS256", kid: "r1" }, payload, rsa.privateKey);
    const [h, , s] = genuine.split(".");
    const jws = decodeJws(`${h}.${b64({ ...payload, groups: ["fluxtower-admins"] })}.${s}`);
    expect(code(() => verifyJws(jws, rsaJwk))).toMatch(/signature does not verify/);
  });

  it("refuses a token signed by another key with the same kid", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jws = decodeJws(token({ alg: "RS256", kid: "r1" }, payload, other.privateKey));
    expect(code(() => verifyJws(jws, selectKey([rsaJwk], jws.header)))).toMatch(/signature does not verify/);
  });

  it("refuses an unknown kid, and a kid whose key is of another type", () => {
    const jws = decodeJws(token({ alg: "RS256", kid: "nope" }, payload, rsa.privateKey));
    expect(code(() => selectKey([rsaJwk], jws.header))).toMatch(/no RS256 signing key with kid "nope"/);
    const mismatched = decodeJws(token({ alg: "RS256", kid: "e1" }, payload, rsa.privateKey));
    expect(code(() => selectKey([ecJwk], mismatched.header))).toMatch(/no RS256 signing key/);
  });

  it("refuses encryption keys and keys pinned to another alg", () => {
    const jws = decodeJws(token({ alg: "RS256" }, payload, rsa.privateKey));
    expect(code(() => selectKey([{ ...rsaJwk, use: "enc" }], jws.header))).toMatch(/0 keys fit/);
    expect(code(() => selectKey([{ ...rsaJwk, alg: "RS512" }], jws.header))).toMatch(/0 keys fit/);
  });

  it("refuses RSA keys under 2048 bits", () => {
    const weak = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const jwk = { ...(weak.publicKey.export({ format: "jwk" }) as Jwk), kid: "w" };
    const jws = decodeJws(token({ alg: "RS256", kid: "w" }, payload, weak.privateKey));
    expect(code(() => verifyJws(jws, jwk))).toMatch(/1024 bits is too small/);
  });

  it("never turns published private members into a private key", () => {
    const leaked = { ...(rsa.privateKey.export({ format: "jwk" }) as Jwk), kid: "r1" };
    const jws = decodeJws(token({ alg: "RS256", kid: "r1" }, payload, rsa.privateKey));
    expect(code(() => verifyJws(jws, leaked))).toBe("ok");
    expect(createPublicKey(rsa.privateKey).type).toBe("public");
  });
});
