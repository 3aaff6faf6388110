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
