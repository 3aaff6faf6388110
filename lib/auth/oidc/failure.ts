// openid-client / oauth4webapi errors → our OidcError codes (the sign-in page maps the code to fixed text; the
// detail goes to the log and the audit row only). An OidcError raised in our own fetch hook (provider-fetch.ts)
// wins, also when openid-client wrapped it as the `cause`.
import { OidcError, type OidcFailure } from "./errors";

/** What was being done when the error happened. */
export type OidcPhase = "discovery" | "callback" | "userinfo";

interface Coded {
  code?: unknown;
  error?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** Errors of the token endpoint's answer itself (an OAuth error body, a non-200 status, not JSON). */
const TOKEN_ANSWER = new Set(["OAUTH_RESPONSE_BODY_ERROR", "OAUTH_RESPONSE_IS_NOT_CONFORM", "OAUTH_RESPONSE_IS_NOT_JSON", "OAUTH_TIMEOUT", "OAUTH_ABORT"]);

function ownError(err: unknown): OidcError | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as Coded).cause, depth++) {
    if (e instanceof OidcError) return e;
  }
  return undefined;
}

export function toOidcError(err: unknown, phase: OidcPhase): OidcError {
  const own = ownError(err);
  if (own) return own;
  const e = (err ?? {}) as Coded;
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : String(err);
  const cause = e.cause as Coded | undefined;
  const causeMessage = cause && typeof cause.message === "string" && cause.message !== message ? ` (${cause.message})` : "";
  const oauthError = typeof e.error === "string" ? ` [${e.error.slice(0, 64)}]` : "";
  const detail = `${code ? `${code}: ` : ""}${message}${oauthError}${causeMessage}`.slice(0, 300);
  let failure: OidcFailure;
  if (phase === "discovery") failure = "provider_unavailable";
  else if (phase === "userinfo") failure = "invalid_id_token";
  else if (TOKEN_ANSWER.has(code)) failure = "token_exchange";
  else failure = "invalid_id_token";
  return new OidcError(failure, detail);
}
