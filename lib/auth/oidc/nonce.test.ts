// The nonce of a sign-in is derived from its browser-binding secret (login-state.ts) so the callback can give
// openid-client the nonce to expect while the LoginState row holds only hashes: neither the stored browser hash
// nor the stored nonce hash is the nonce, and each sign-in (fresh secret) gets a fresh nonce.
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./id-token";
import { nonceFor, randomToken } from "./login-state";
import { isOidcSubject } from "./logout";
import type { OidcConfig } from "./config";

describe("sign-in nonce", () => {
  const secret = randomToken();

  it("is stable for one browser secret and fresh for the next sign-in", () => {
    expect(nonceFor(secret)).toBe(nonceFor(secret));
    expect(nonceFor(randomToken())).not.toBe(nonceFor(secret));
    expect(nonceFor(secret)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is none of the values the database stores (browser hash, nonce hash)", () => {
    const stored = [sha256Hex(secret), sha256Hex(nonceFor(secret))];
    expect(stored).not.toContain(nonceFor(secret));
    expect(Buffer.from(nonceFor(secret), "base64url").toString("hex")).not.toBe(sha256Hex(secret));
  });
});

describe("RP-initiated logout applies to this provider's users only", () => {
  const config = { issuer: "https://idp.example/realms/x" } as OidcConfig;
  it.each([
    ["https://idp.example/realms/x|alice", true],
    ["https://idp.example/realms/xy|alice", false],
    ["demo:admin", false],
    [null, false],
  ])("%s → %s", (subject, want) => expect(isOidcSubject(config, subject)).toBe(want));
});
