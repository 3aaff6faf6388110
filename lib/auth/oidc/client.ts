// The openid-client Configuration for the configured provider: discovery of `<issuer>/.well-known/openid-
// configuration` (then our policy: exact issuer, https endpoints, PKCE S256 — discovery.ts), cached for an hour
// per issuer. openid-client keeps the provider's JWKS on this object (refetched when a token names an unknown kid)
// and, with non-repudiation checks on, verifies every ID token's signature with it.
// ID tokens: RS256 or ES256 only — `none`, HS* and everything else are refused before a key is looked at — and
// timestamps checked with 60 s of clock tolerance.
import * as oidc from "openid-client";
import type { OidcConfig } from "./config";
import { checkMetadata, type ProviderMetadata } from "./discovery";
import { toOidcError } from "./failure";
import { providerFetch } from "./provider-fetch";

export const ACCEPTED_ID_TOKEN_ALGS = ["RS256", "ES256"];
export const CLOCK_TOLERANCE_SECONDS = 60;
const TIMEOUT_SECONDS = 10;
const TTL_MS = 60 * 60_000;

export interface OidcClient {
  configuration: oidc.Configuration;
  metadata: ProviderMetadata;
}

const holder = globalThis as unknown as { fluxtowerOidcClients?: Map<string, { at: number; client: OidcClient }> };
const cache: Map<string, { at: number; client: OidcClient }> = (holder.fluxtowerOidcClients ??= new Map());

function clientAuth(config: OidcConfig, metadata: ProviderMetadata): oidc.ClientAuth {
  if (!config.clientSecret) return oidc.None();
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  if (methods.includes("client_secret_basic")) return oidc.ClientSecretBasic(config.clientSecret);
  if (methods.includes("client_secret_post")) return oidc.ClientSecretPost(config.clientSecret);
  throw new Error("provider supports neither client_secret_basic nor client_secret_post");
}

async function discover(config: OidcConfig): Promise<OidcClient> {
  const insecure = new URL(config.issuer).protocol === "http:";
  // Discovery with client authentication "none" first: the method depends on what the provider supports.
  const discovered = await oidc.discovery(new URL(config.issuer), config.clientId, undefined, oidc.None(), {
    timeout: TIMEOUT_SECONDS,
    [oidc.customFetch]: providerFetch(() => "provider_unavailable"),
    execute: insecure ? [oidc.allowInsecureRequests] : [],
  });
  const metadata = checkMetadata(discovered.serverMetadata(), config.issuer);
  const failureFor = (url: string) => (url === metadata.token_endpoint ? "token_exchange" : url === metadata.userinfo_endpoint ? "invalid_id_token" : "provider_unavailable");
  const clientMetadata: Partial<oidc.ClientMetadata> = {
    client_id: config.clientId,
    // oauth4webapi accepts a list here (checkSigningAlgorithm: `client.includes(header.alg)`).
    id_token_signed_response_alg: ACCEPTED_ID_TOKEN_ALGS as unknown as string,
    [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS,
  };
  const configuration = new oidc.Configuration(discovered.serverMetadata(), config.clientId, clientMetadata, clientAuth(config, metadata));
  configuration.timeout = TIMEOUT_SECONDS;
  configuration[oidc.customFetch] = providerFetch(failureFor);
  if (insecure) oidc.allowInsecureRequests(configuration);
  // openid-client skips the ID token's signature when the token came straight from the token endpoint (Core
  // §3.1.3.7 step 6 allows trusting TLS instead); we verify it against the provider's JWKS every time.
  oidc.enableNonRepudiationChecks(configuration);
  return { configuration, metadata };
}

export async function oidcClient(config: OidcConfig): Promise<OidcClient> {
  const hit = cache.get(config.issuer);
  if (hit && Date.now() - hit.at < TTL_MS && hit.client.configuration.clientMetadata().client_id === config.clientId) return hit.client;
  let client: OidcClient;
  try {
    client = await discover(config);
  } catch (err) {
    throw toOidcError(err, "discovery");
  }
  cache.set(config.issuer, { at: Date.now(), client });
  return client;
}
