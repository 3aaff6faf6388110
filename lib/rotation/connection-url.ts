// The metadata connection URL (`postgresql://user:pass@host:5432/db?sslmode=…`, special characters URL-encoded,
// DOMAIN.md §4.3): the parts the password rotation needs, and the same URL with another password. Pure.

export interface ConnectionParts {
  scheme: string;
  user: string;
  password: string;
  host: string;
  port: string;
  database: string;
}

export function parseConnection(url: string): ConnectionParts | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^postgres(ql)?(\+\w+)?:$/.test(u.protocol) || !u.username) return undefined;
  return {
    scheme: u.protocol.replace(/:$/, ""),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    host: u.hostname,
    port: u.port || "5432",
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
}

/** The URL with its password replaced (URL-encoded); everything else byte for byte as before. */
export function withPassword(url: string, password: string): string {
  const m = /^([a-z0-9+]+:\/\/)([^:@/]+)(?::([^@/]*))?@/i.exec(url);
  if (!m) throw new Error("connection URL has no user");
  return `${m[1]}${m[2]}:${encodeURIComponent(password)}@${url.slice(m[0].length)}`;
}

/** Role names we put into `ALTER ROLE "<name>"` (quoted identifier, no quoting tricks). */
export function isSafeRoleName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,63}$/.test(name);
}
