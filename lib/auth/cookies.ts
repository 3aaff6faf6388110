// The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure (and the __Host- prefix) when the public URL is https.
import { env } from "@/lib/config/env";

export function sessionCookieName(): string {
  return env().publicUrl.protocol === "https:" ? "__Host-fluxtower_session" : "fluxtower_session";
}

function attributes(maxAgeSeconds: number): string {
  const secure = env().publicUrl.protocol === "https:" ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

export function sessionCookieHeader(value: string, maxAgeSeconds: number): string {
  return `${sessionCookieName()}=${value}; ${attributes(maxAgeSeconds)}`;
}

export function clearedSessionCookieHeader(): string {
  return `${sessionCookieName()}=; ${attributes(0)}`;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The OIDC browser-binding cookie: set when a sign-in starts, read by the callback. SameSite=Lax because the
 * callback is a top-level navigation coming from the provider's site (a Strict cookie would not be sent);
 * limited to /api/auth/oidc and 10 minutes; `__Secure-` prefixed on https.
 */
export const OIDC_BINDING_PATH = "/api/auth/oidc";

export function oidcBindingCookieName(): string {
  return env().publicUrl.protocol === "https:" ? "__Secure-fluxtower_oidc" : "fluxtower_oidc";
}

export function oidcBindingCookieHeader(value: string, maxAgeSeconds: number): string {
  const secure = env().publicUrl.protocol === "https:" ? "; Secure" : "";
  return `${oidcBindingCookieName()}=${value}; Path=${OIDC_BINDING_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}
