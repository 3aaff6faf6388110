import { describe, expect, it } from "vitest";
import { checkMetadata, discoveryUrl } from "./discovery";
import { OidcError } from "./errors";

const issuer = "https://idp.example/realms/x";
const good = {
  issuer,
  authorization_endpoint: `${issuer}/auth`,
  token_endpoint: `${issuer}/token`,
  jwks_uri: `${issuer}/certs`,
  code_challenge_methods_supported: ["plain", "S256"],
};

function detail(raw: unknown, iss = issuer): string {
  try {
    checkMetadata(raw, iss);
    return "ok";
  } catch (err) {
    return err instanceof OidcError ? err.detail : String(err);
  }
}

describe("OIDC discovery", () => {
  it("builds the well-known URL under the issuer path", () => {
    expect(discoveryUrl(issuer)).toBe(`${issuer}/.well-known/openid-configuration`);
    expect(discoveryUrl(`${issuer}/`)).toBe(`${issuer}/.well-known/openid-configuration`);
  });

  it("accepts a good document", () => expect(detail(good)).toBe("ok"));

  it.each([
    ["another issuer", { ...good, issuer: "https://evil.example" }, /differs from the configured issuer/],
    ["an http endpoint for an https issuer", { ...good, token_endpoint: "http://idp.example/token" }, /is not https/],
    ["no S256", { ...good, code_challenge_methods_supported: ["plain"] }, /PKCE S256/],
    ["a missing jwks_uri", { ...good, jwks_uri: undefined }, /invalid/],
  ])("refuses %s", (_n, raw, message) => expect(detail(raw)).toMatch(message));

  it("allows http endpoints only on the host of a loopback http issuer", () => {
    const local = "http://127.0.0.1:9000";
    const doc = { issuer: local, authorization_endpoint: `${local}/auth`, token_endpoint: `${local}/token`, jwks_uri: `${local}/jwks` };
    expect(detail(doc, local)).toBe("ok");
    expect(detail({ ...doc, jwks_uri: "http://10.0.0.1/jwks" }, local)).toMatch(/is not https/);
  });
});
