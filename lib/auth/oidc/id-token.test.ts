import { describe, expect, it } from "vitest";
import { OidcError } from "./errors";
import { sha256Hex, validateIdTokenClaims } from "./id-token";

const now = 1_800_000_000;
const want = { issuer: "https://idp.example", clientId: "fluxtower", nonceHash: sha256Hex("n-1"), now };
const good = { iss: "https://idp.example", aud: "fluxtower", sub: "alice", exp: now + 300, iat: now - 5, nonce: "n-1" };

function outcome(claims: Record<string, unknown>): string {
  try {
    validateIdTokenClaims(claims, want);
    return "ok";
  } catch (err) {
    return err instanceof OidcError ? err.detail : String(err);
  }
}

describe("ID token claims", () => {
  it("accepts a good token, with aud as a one-element array and azp = client", () => {
    expect(outcome(good)).toBe("ok");
    expect(outcome({ ...good, aud: ["fluxtower"], azp: "fluxtower" })).toBe("ok");
    expect(outcome({ ...good, exp: now - 30 })).toBe("ok"); // inside the 60 s clock skew
  });

  it.each([
    ["another issuer", { iss: "https://evil.example" }, /issuer/],
    ["issuer with a trailing slash", { iss: "https://idp.example/" }, /issuer/],
    ["wrong audience", { aud: "someone-else" }, /audience/],
    ["an extra untrusted audience", { aud: ["fluxtower", "other"], azp: "fluxtower" }, /audience/],
    ["no audience", { aud: undefined }, /audience/],
    ["azp of another client", { azp: "other" }, /azp/],
    ["expired", { exp: now - 61 }, /expired/],
    ["exp missing", { exp: undefined }, /exp is missing/],
    ["exp as a string", { exp: String(now + 300) }, /exp is missing or not a number/],
    ["issued in the future", { iat: now + 120 }, /future/],
    ["issued long ago", { iat: now - 3600 }, /too long ago/],
    ["not valid yet", { nbf: now + 120 }, /not valid yet/],
    ["another nonce", { nonce: "n-2" }, /nonce/],
    ["no nonce", { nonce: undefined }, /nonce/],
    ["empty sub", { sub: "" }, /sub/],
    ["sub not a string", { sub: 42 }, /sub/],
  ])("refuses %s", (_name, change, message) => {
    expect(outcome({ ...good, ...change })).toMatch(message);
  });
});
