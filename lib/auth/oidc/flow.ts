// The authorization code flow with PKCE, start to finish, on openid-client:
//   begin:    discovery → server-side state (state, nonce, PKCE verifier, browser binding) → provider URL
//   complete: state consumed once → code exchanged (with the verifier) → ID token signature (JWKS), alg and claims
//             checked by openid-client, then our stricter claim rules (id-token.ts) → groups (ID token, else
//             UserInfo) → identity
import * as oidc from "openid-client";
import { oidcClient } from "./client";
import type { OidcConfig } from "./config";
import { OidcError } from "./errors";
import { toOidcError } from "./failure";
import { validateIdTokenClaims } from "./id-token";
import { identityFromClaims, requiredClaims, type OidcIdentity } from "./identity";
import { consumeLoginState, createLoginState } from "./login-state";

export interface BegunSignIn {
  authorizationUrl: string;
  browserSecret: string;
}

export async function beginSignIn(config: OidcConfig, returnTo: string): Promise<BegunSignIn> {
  const { configuration } = await oidcClient(config);
  const login = await createLoginState(returnTo);
  const url = oidc.buildAuthorizationUrl(configuration, {
    response_type: "code",
    redirect_uri: config.redirectUri,
    scope: config.scopes,
    state: login.state,
    nonce: login.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
    code_challenge_method: "S256",
  });
  return { authorizationUrl: url.toString(), browserSecret: login.browserSecret };
}

export interface CompletedSignIn {
  identity: OidcIdentity;
  returnTo: string;
}

export interface CallbackInput {
  code: string;
  state: string;
  /** RFC 9207 `iss` of the authorization response, when the provider sent one. */
  iss?: string;
  browserSecret: string | undefined;
}

export async function completeSignIn(config: OidcConfig, input: CallbackInput): Promise<CompletedSignIn> {
  const login = await consumeLoginState(input.state, input.browserSecret);
  if (!login) throw new OidcError("invalid_state", "state unknown, expired, already used, or started in another browser");
  const { configuration } = await oidcClient(config);
  const callbackUrl = new URL(config.redirectUri);
  callbackUrl.searchParams.set("code", input.code);
  callbackUrl.searchParams.set("state", input.state);
  if (input.iss !== undefined) callbackUrl.searchParams.set("iss", input.iss);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: input.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw toOidcError(err, "callback");
  }
  const verified = tokens.claims();
  if (!verified) throw new OidcError("token_exchange", "token response has no id_token");
  // openid-client accepts several audiences when azp names us; we accept exactly one (id-token.ts).
  const { sub, claims } = validateIdTokenClaims(verified as Record<string, unknown>, {
    issuer: config.issuer,
    clientId: config.clientId,
    nonceHash: login.nonceHash,
    now: Math.floor(Date.now() / 1000),
  });
  const complete = requiredClaims(config).every((c) => c in claims);
  let all = claims;
  if (!complete && tokens.access_token) {
    try {
      // Core §5.3.2: the UserInfo sub must equal the ID token's (openid-client checks it).
      const info = await oidc.fetchUserInfo(configuration, tokens.access_token, sub);
      all = { ...info, ...claims };
    } catch (err) {
      throw toOidcError(err, "userinfo");
    }
  }
  return { identity: identityFromClaims(config, sub, all), returnTo: login.returnTo };
}
