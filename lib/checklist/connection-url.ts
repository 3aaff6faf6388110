// Parse a database connection URL into facts that are safe to show: never the user or password.

/** Facts derived from a connection URL such as `postgresql://user:pw@host:5432/db?sslmode=require`. */
export interface ConnectionFacts {
  /** Full scheme, e.g. `postgresql+psycopg2`. */
  driver: string;
  /** Dialect without the DBAPI suffix, e.g. `postgresql`, `mysql`. */
  dialect: string;
  host: string;
  port?: number;
  database?: string;
  /** Raw TLS mode parameter when present (`sslmode`, `ssl_mode`, `ssl`). */
  sslMode?: string;
  /** True when the URL itself forces TLS (e.g. `sslmode=require|verify-ca|verify-full`). */
  requiresTls: boolean;
}

const PG_TLS_MODES = new Set(["require", "verify-ca", "verify-full"]);
const MYSQL_TLS_MODES = new Set(["required", "verify_ca", "verify_identity"]);
const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);

function queryParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of query.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = safeDecode(eq >= 0 ? part.slice(0, eq) : part).toLowerCase();
    const value = safeDecode(eq >= 0 ? part.slice(eq + 1) : "");
    params.set(key, value);
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** Whether a dialect + query parameters force TLS. Exported for `data.metadataConnection.sslmode`. */
export function tlsRequired(dialect: string, sslMode: string | undefined): boolean {
  if (!sslMode) return false;
  const mode = sslMode.trim().toLowerCase();
  if (dialect.startsWith("postgres")) return PG_TLS_MODES.has(mode) || TRUE_WORDS.has(mode);
  if (dialect.startsWith("mysql") || dialect.startsWith("mariadb"))
    return MYSQL_TLS_MODES.has(mode) || TRUE_WORDS.has(mode);
  return TRUE_WORDS.has(mode) || PG_TLS_MODES.has(mode);
}

/**
 * Parse a connection URL. Returns undefined when it is not a URL. The credentials part is skipped
 * without being copied anywhere (a password with an unencoded `@` still parses: the last `@` wins).
 */
export function parseConnectionUrl(raw: string): ConnectionFacts | undefined {
  const value = raw.trim();
  const sep = value.indexOf("://");
  if (sep <= 0) return undefined;
  const driver = value.slice(0, sep).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*$/.test(driver)) return undefined;
  const rest = value.slice(sep + 3);
  const q = rest.indexOf("?");
  const head = q >= 0 ? rest.slice(0, q) : rest;
  const params = queryParams(q >= 0 ? rest.slice(q + 1) : "");
  const at = head.lastIndexOf("@");
  const location = at >= 0 ? head.slice(at + 1) : head;
  const slash = location.indexOf("/");
  const hostPort = slash >= 0 ? location.slice(0, slash) : location;
  const database = slash >= 0 ? safeDecode(location.slice(slash + 1)) || undefined : undefined;
  let host = hostPort;
  let port: number | undefined;
  const portMatch = /^(.*):(\d+)$/.exec(hostPort);
  if (portMatch) {
    host = portMatch[1];
    port = Number(portMatch[2]);
  }
  host = host.replace(/^\[(.*)\]$/, "$1");
  if (!host) host = params.get("host") ?? "";
  const dialect = driver.split("+")[0];
  const sslMode = params.get("sslmode") ?? params.get("ssl_mode") ?? params.get("ssl");
  return { driver, dialect, host, port, database, sslMode, requiresTls: tlsRequired(dialect, sslMode) };
}
