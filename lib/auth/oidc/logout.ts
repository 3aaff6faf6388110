// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): when the provider advertises an
// end_session_endpoint, sign-out continues there. We keep no OIDC tokens (so no id_token_hint); the request names
// the client (`client_id`) and where the provider sends the browser afterwards (`post_logout_redirect_uri`, our
// sign-in page — the provider must have it registered).
import * as oidc from "openid-client";
import { oidcClient } from "./client";
import type { OidcConfig } from "./config";

export const POST_LOGOUT_PATH = "/sign-in";

/** True when a user subject comes from this provider ("<issuer>|<sub>", identity.ts). */
export function isOidcSubject(config: OidcConfig, subject: string | null | undefined): boolean {
  return !!subject && subject.startsWith(`${config.issuer}|`);
}

/** The provider's end-session URL for this client, or null when the provider has none (or cannot be reached). */
export async function endSessionUrl(config: OidcConfig, publicOrigin: string): Promise<string | null> {
  try {
    const { configuration, metadata } = await oidcClient(config);
    if (!metadata.end_session_endpoint) return null;
    return oidc
      .buildEndSessionUrl(configuration, { client_id: config.clientId, post_logout_redirect_uri: new URL(POST_LOGOUT_PATH, publicOrigin).toString() })
      .toString();
  } catch {
    return null;
  }
}
