// The authorization code flow with PKCE, start to finish:
//   begin:    discovery → server-side state (state, nonce, PKCE verifier, browser binding) → provider URL
//   complete: state consumed once → code exchanged (with the verifier) → ID token signature (JWKS) and claims
//             checked → groups (ID token, else UserInfo) → identity
import type { OidcConfig } from "./config";
import { providerMetadata, type ProviderMetadata } from "./discovery";
import { OidcError } from "./errors";
import { validateIdTokenClaims } from "./id-token";
import { identityFromClaims, requiredClaims, type OidcIdentity } from "./identity";
import { signingKeys } from "./jwks";
import { decodeJws, selectKey, verifyJws } from "./jws";
import { consumeLoginState, createLoginState } from "./login-state";
import { codeChallengeS256 } from "./pkce";
import { exchangeCode, fetchUserInfo } from "./token-exchange";

export interface BegunSignIn {
  authorizationUrl: string;
  browserSecret: string;
}

export async function beginSignIn(config: OidcConfig, returnTo: string): Promise<BegunSignIn> {
  const metadata = await providerMetadata(config.issuer);
  const login = await createLoginState(returnTo);
  const url = new URL(metadata.authorization_endpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", config.redirectUri);
  url.searchParams.set("scope", config.scopes);
  url.searchParams.set("state", login.state);
  url.searchParams.set("nonce", login.nonce);
  url.searchParams.set("code_challenge", codeChallengeS256(login.codeVerifier));
  url.searchParams.set("code_challenge_method", "S256");
  return { authorizationUrl: url.toString(), browserSecret: login.browserSecret };
}

/** Verifies an ID token (signature with the provider's keys, then the claims); returns sub and claims. */
export async function verifyIdToken(config: OidcConfig, metadata: ProviderMetadata, idToken: string, nonceHash: string) {
  const jws = decodeJws(idToken);
  const keys = await signingKeys(metadata.jwks_uri, jws.header.kid);
  verifyJws(jws, selectKey(keys, jws.header));
  return validateIdTokenClaims(jws.payload, { issuer: config.issuer, clientId: config.clientId, nonceHash, now: Math.floor(Date.now() / 1000) });
}

export interface CompletedSignIn {
  identity: OidcIdentity;
  returnTo: string;
}

export async function completeSignIn(config: OidcConfig, input: { code: string; state: string; browserSecret: string | undefined }): Promise<CompletedSignIn> {
  const login = await consumeLoginState(input.state, input.browserSecret);
  if (!login) throw new OidcError("invalid_state", "state unknown, expired, already used, or started in another browser");
  const metadata = await providerMetadata(config.issuer);
  const tokens = await exchangeCode(config, metadata, input.code, login.codeVerifier);
  const { sub, claims } = await verifyIdToken(config, metadata, tokens.idToken, login.nonceHash);
  const complete = requiredClaims(config).every((c) => c in claims);
  const all = complete ? claims : { ...(await fetchUserInfo(metadata, tokens.accessToken, sub)), ...claims };
  return { identity: identityFromClaims(config, sub, all), returnTo: login.returnTo };
}
