// Why an OIDC sign-in failed. The code is safe to show (the sign-in page maps it to fixed text); the detail goes
// to the server log and the audit row only, never into a response.

export const OIDC_FAILURES = [
  "not_configured",
  "rate_limited",
  "provider_unavailable",
  "provider_error",
  "invalid_state",
  "token_exchange",
  "invalid_id_token",
  "access_denied",
  "email_unverified",
] as const;

export type OidcFailure = (typeof OIDC_FAILURES)[number];

export class OidcError extends Error {
  constructor(
    readonly code: OidcFailure,
    /** Internal detail for logs and the audit row (never sent to the browser). */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "OidcError";
  }
}
