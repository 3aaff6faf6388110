// SECURITY.md S23: a PostgreSQL DATABASE_URL must use TLS. Plain text is accepted only when the URL says so
// (`sslmode=disable`) AND the server is on this machine (loopback address or a Unix socket). Pure.
//
// The parameters are read the way node-postgres (pg-connection-string, used by @prisma/adapter-pg) reads them:
// `sslmode=require|verify-ca|verify-full` and `ssl=true|1` turn TLS on with certificate verification (node-postgres
// treats require and verify-ca as verify-full unless `uselibpqcompat=true`); a `host` query parameter replaces the
// URL's host (a path there is a Unix socket directory).

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;
const TLS_MODES = new Set(["require", "verify-ca", "verify-full"]);

/** The server the URL connects to: the `host` parameter when present (pg-connection-string's rule), else its host. */
function effectiveHost(url: URL): string {
  const param = url.searchParams.get("host");
  if (param !== null && param !== "") return param;
  return decodeURIComponent(url.hostname);
}

/**
 * WHATWG URL refuses an empty host after userinfo ("postgresql://app@/db?host=/run/postgresql"); node-postgres then
 * uses its default host, localhost, so that is what we put there.
 */
function parseUrl(raw: string): URL | null {
  const withHost = raw.trim().replace(/^(postgres(?:ql)?:\/\/(?:[^@/?#]*@)?)(?=[/?#]|$)/i, "$1localhost");
  try {
    return new URL(withHost);
  } catch {
    return null;
  }
}

function isLocal(host: string): boolean {
  return host.startsWith("/") || LOOPBACK.test(host);
}

/**
 * Why a postgres:// / postgresql:// URL is refused, or null when it is acceptable. Never includes the URL itself
 * (it holds the password).
 */
export function postgresTlsProblem(databaseUrl: string): string | null {
  const url = parseUrl(databaseUrl);
  if (!url) return "is not a valid postgresql:// URL";
  const sslmode = url.searchParams.getAll("sslmode").at(-1)?.toLowerCase();
  const ssl = url.searchParams.getAll("ssl").at(-1)?.toLowerCase();
  const host = effectiveHost(url);
  if (sslmode === "disable") {
    if (isLocal(host)) return null;
    return `sslmode=disable (no TLS) is accepted only for a server on this machine (127.0.0.1, localhost, ::1 or a Unix socket), not for host "${host}"; use sslmode=verify-full`;
  }
  if (sslmode !== undefined) {
    if (TLS_MODES.has(sslmode)) return null;
    return `sslmode=${sslmode} may connect without TLS or without checking the server's certificate; use sslmode=verify-full (or require)`;
  }
  if (ssl === "true" || ssl === "1") return null;
  return "PostgreSQL needs TLS: add sslmode=verify-full (or require) to the URL; plain text needs an explicit sslmode=disable and a server on this machine (127.0.0.1, localhost, ::1 or a Unix socket)";
}
