// Fixed texts for the sign-in page's ?error= codes. The page never shows text taken from the URL.
const MESSAGES: Record<string, string> = {
  not_configured: "Single sign-on is not configured.",
  rate_limited: "Too many sign-in attempts. Wait a minute and try again.",
  provider_unavailable: "The identity provider could not be reached or is misconfigured. Try again later.",
  provider_error: "The identity provider refused the sign-in.",
  access_denied: "The sign-in was cancelled or denied at the identity provider.",
  invalid_state: "This sign-in link has expired or was already used. Start again.",
  token_exchange: "The identity provider did not complete the sign-in. Start again.",
  invalid_id_token: "The identity provider's answer could not be verified. The sign-in was refused.",
  email_unverified: "Your email address, which is your username here, is not verified at the identity provider. Verify it there, then sign in again.",
};

export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Sign-in failed. Start again.";
}
