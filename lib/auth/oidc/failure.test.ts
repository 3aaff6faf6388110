// openid-client's errors → the codes the sign-in page maps (app/sign-in/page.tsx). The errors are built with the
// library's own classes and codes (oauth4webapi's OAUTH_* constants as thrown through openid-client).
import { ClientError, ResponseBodyError } from "openid-client";
import { describe, expect, it } from "vitest";
import { OidcError } from "./errors";
import { toOidcError, type OidcPhase } from "./failure";

function clientError(message: string, code: string, cause?: unknown): ClientError {
  const Ctor = ClientError as unknown as new (m: string, o: { code: string; cause?: unknown }) => ClientError;
  return new Ctor(message, { code, cause });
}

function tokenEndpointError(): ResponseBodyError {
  const Ctor = ResponseBodyError as unknown as new (m: string, o: { cause: Record<string, unknown>; response: Response }) => ResponseBodyError;
  return new Ctor("server responded with an error in the response body", { cause: { error: "invalid_grant" }, response: new Response("{}", { status: 400 }) });
}

describe("openid-client errors → sign-in failure codes", () => {
  it.each<[string, unknown, OidcPhase, string]>([
    ["discovery issuer mismatch", clientError("discovered metadata issuer does not match the expected issuer", "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED"), "discovery", "provider_unavailable"],
    ["an OAuth error from the token endpoint", tokenEndpointError(), "callback", "token_exchange"],
    ["token endpoint answers 500", clientError("unexpected HTTP response status code", "OAUTH_RESPONSE_IS_NOT_CONFORM"), "callback", "token_exchange"],
    ["wrong audience", clientError("unexpected JWT claim value encountered", "OAUTH_JWT_CLAIM_COMPARISON_FAILED"), "callback", "invalid_id_token"],
    ["expired", clientError("JWT timestamp claim value failed validation", "OAUTH_JWT_TIMESTAMP_CHECK_FAILED"), "callback", "invalid_id_token"],
    ["alg none / HS256", clientError("invalid response encountered", "OAUTH_INVALID_RESPONSE"), "callback", "invalid_id_token"],
    ["unknown kid", clientError("error when selecting a JWT verification key, no applicable keys found", "OAUTH_KEY_SELECTION_FAILED"), "callback", "invalid_id_token"],
    ["bad signature", clientError("JWT signature verification failed", "OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED"), "callback", "invalid_id_token"],
    ["UserInfo of another subject", clientError("unexpected JSON attribute value encountered", "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED"), "userinfo", "invalid_id_token"],
  ])("%s → %s", (_name, err, phase, want) => {
    const got = toOidcError(err, phase);
    expect(got.code).toBe(want);
    expect(got.detail.length).toBeGreaterThan(0);
    expect(got.detail.length).toBeLessThanOrEqual(300);
  });

  it("keeps our own error from the fetch hook, also when openid-client wrapped it", () => {
    const own = new OidcError("token_exchange", "request to http://idp/token failed: ECONNREFUSED");
    expect(toOidcError(clientError("something went wrong", "", own), "callback")).toBe(own);
    expect(toOidcError(own, "discovery")).toBe(own);
  });

  it("puts the OAuth error code in the detail, never the response body", () => {
    const got = toOidcError(tokenEndpointError(), "callback");
    expect(got.detail).toContain("invalid_grant");
  });
});
