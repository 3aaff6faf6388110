// The token request (authorization code + PKCE verifier) and, when the ID token lacks the groups claim, the
// UserInfo request. Tokens stay in this server process for the duration of the callback: they are never stored,
// logged or sent to the browser.
import { z } from "zod";
import type { OidcConfig } from "./config";
import type { ProviderMetadata } from "./discovery";
import { OidcError } from "./errors";
import { fetchJson } from "./fetch-json";

const tokenResponse = z.object({
  id_token: z.string().min(1),
  access_token: z.string().optional(),
  token_type: z.string().optional(),
});

export interface TokenSet {
  idToken: string;
  accessToken?: string;
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before they go into the Basic header. */
function basicAuth(id: string, secret: string): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString("base64")}`;
}

export async function exchangeCode(config: OidcConfig, metadata: ProviderMetadata, code: string, codeVerifier: string): Promise<TokenSet> {
  const form = new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: config.redirectUri, code_verifier: codeVerifier });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  if (!config.clientSecret) {
    form.set("client_id", config.clientId);
  } else if (methods.includes("client_secret_basic")) {
    headers.authorization = basicAuth(config.clientId, config.clientSecret);
  } else if (methods.includes("client_secret_post")) {
    form.set("client_id", config.clientId);
    form.set("client_secret", config.clientSecret);
  } else {
    throw new OidcError("token_exchange", "provider supports neither client_secret_basic nor client_secret_post");
  }
  const res = await fetchJson(metadata.token_endpoint, { method: "POST", headers, body: form.toString() }, "token_exchange");
  if (res.status !== 200) {
    const error = (res.body as { error?: unknown } | undefined)?.error;
    throw new OidcError("token_exchange", `token endpoint answered ${res.status}${typeof error === "string" ? ` (${error.slice(0, 64)})` : ""}`);
  }
  const parsed = tokenResponse.safeParse(res.body);
  if (!parsed.success) throw new OidcError("token_exchange", "token response has no id_token");
  if (parsed.data.token_type && parsed.data.token_type.toLowerCase() !== "bearer") {
    throw new OidcError("token_exchange", `unexpected token_type ${parsed.data.token_type.slice(0, 32)}`);
  }
  return { idToken: parsed.data.id_token, accessToken: parsed.data.access_token };
}

/** UserInfo claims for the same subject, or {} when the provider has no UserInfo endpoint or no access token. */
export async function fetchUserInfo(metadata: ProviderMetadata, accessToken: string | undefined, sub: string): Promise<Record<string, unknown>> {
  if (!metadata.userinfo_endpoint || !accessToken) return {};
  const res = await fetchJson(metadata.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } }, "invalid_id_token");
  if (res.status !== 200 || typeof res.body !== "object" || res.body === null || Array.isArray(res.body)) {
    throw new OidcError("invalid_id_token", `userinfo answered ${res.status}`);
  }
  const claims = res.body as Record<string, unknown>;
  // Core §5.3.2: the UserInfo sub must equal the ID token's, or the response must not be used.
  if (claims.sub !== sub) throw new OidcError("invalid_id_token", "userinfo sub differs from the ID token");
  return claims;
}
