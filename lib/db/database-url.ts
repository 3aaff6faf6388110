// Database URL handling: which provider a URL selects, and the zero-configuration default.
import path from "node:path";

export type DatabaseKind = "sqlite" | "postgresql";

/** Relative to the working directory (the app always starts from the repo root). */
export const DEFAULT_SQLITE_RELATIVE_PATH = path.join(".data", "fluxtower.db");

/** `file:` → sqlite; `postgres://` / `postgresql://` → postgresql. Anything else throws. */
export function databaseKind(url: string): DatabaseKind {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  if (scheme === "file") return "sqlite";
  if (scheme === "postgres" || scheme === "postgresql") return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL); got ${describeUrl(url)}`,
  );
}

/** The default embedded database: `file:<cwd>/.data/fluxtower.db`. */
export function defaultDatabaseUrl(cwd: string): string {
  return `file:${path.join(cwd, DEFAULT_SQLITE_RELATIVE_PATH)}`;
}

/** DATABASE_URL when set and not blank, else the default SQLite file under `<cwd>/.data/`. */
export function resolveDatabaseUrl(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const configured = env.DATABASE_URL?.trim();
  return configured ? configured : defaultDatabaseUrl(cwd);
}

/**
 * The file a `file:` URL points to, resolved against `cwd`; null for in-memory databases.
 * Accepts `file:/abs`, `file:rel`, `file:./rel` and `file:///abs`; ignores a `?query`.
 */
export function sqliteFilePath(url: string, cwd: string): string | null {
  if (databaseKind(url) !== "sqlite") throw new Error(`not a SQLite URL: ${describeUrl(url)}`);
  let rest = url.trim().slice("file:".length);
  const query = rest.indexOf("?");
  if (query >= 0) rest = rest.slice(0, query);
  if (rest === ":memory:" || rest === "") return null;
  if (rest.startsWith("//")) rest = rest.slice(2); // file:///abs → /abs ; file://localhost/abs is not supported
  const decoded = decodeURIComponent(rest);
  return path.resolve(cwd, decoded);
}

/** The URL without its password, for error messages and logs. */
export function describeUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, "$1:***@");
}
