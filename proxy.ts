// Edge of the app (Next.js 16 "proxy", Node runtime): strips headers that must never come from outside,
// sets a per-request CSP nonce, and passes the path to server components. Authentication is NOT done here;
// every route handler and page checks it itself (lib/http/route.ts, lib/auth/page-user.ts).
import { NextResponse, type NextRequest } from "next/server";

const STRIP = /^(impersonate-|x-middleware-subrequest$)/i;

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const https = request.nextUrl.protocol === "https:";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const headers = new Headers();
  request.headers.forEach((value, key) => {
    if (!STRIP.test(key)) headers.set(key, value);
  });
  headers.set("x-nonce", nonce);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
