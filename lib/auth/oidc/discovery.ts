// Our policy on the OpenID Provider metadata openid-client discovered (lib/auth/oidc/client.ts): the document's
// `issuer` must equal the configured issuer exactly (OpenID Connect Discovery §4.3), every endpoint must be https
// (http only when the issuer itself is a loopback http URL), and the provider must support PKCE S256 when it
// says which methods it supports.
import { z } from "zod";
import { OidcError } from "./errors";

const metadataSchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  userinfo_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
});

export type ProviderMetadata = z.infer<typeof metadataSchema>;

export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** True when `url` may be used for a provider endpoint of `issuer`. */
export function endpointAllowed(url: string, issuer: string): boolean {
  const u = new URL(url);
  if (u.protocol === "https:") return true;
  const i = new URL(issuer);
  return u.protocol === "http:" && i.protocol === "http:" && u.hostname === i.hostname;
}

export function checkMetadata(raw: unknown, issuer: string): ProviderMetadata {
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) throw new OidcError("provider_unavailable", `discovery document is invalid: ${parsed.error.issues[0]?.message ?? "?"}`);
  const m = parsed.data;
  if (m.issuer !== issuer) throw new OidcError("provider_unavailable", `discovery issuer ${JSON.stringify(m.issuer)} differs from the configured issuer`);
  for (const url of [m.authorization_endpoint, m.token_endpoint, m.jwks_uri, m.userinfo_endpoint, m.end_session_endpoint].filter((u): u is string => !!u)) {
    if (!endpointAllowed(url, issuer)) throw new OidcError("provider_unavailable", `provider endpoint ${url} is not https`);
  }
  if (m.code_challenge_methods_supported && !m.code_challenge_methods_supported.includes("S256")) {
    throw new OidcError("provider_unavailable", "provider does not support PKCE S256");
  }
  return m;
}
