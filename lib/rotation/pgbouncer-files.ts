// The PgBouncer files the metadata password lives in besides the connection URL (DOMAIN.md §4.3): the auth_file
// `users.txt` (lines `"user" "password"`, a `"` inside a field doubled) and the metrics exporter's stats connection
// (`postgresql://user:pass@127.0.0.1:6543/pgbouncer?sslmode=disable`). Rewrites change only the role's password and
// keep everything else byte for byte. Pure.
import { parseConnection, withPassword } from "./connection-url";

export type Rewrite = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

const LINE = /^(\s*)"((?:[^"]|"")*)"(\s+)"((?:[^"]|"")*)"(.*)$/;

const unquote = (field: string) => field.replace(/""/g, '"');
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** The users of an auth_file with their passwords (later lines win, like PgBouncer's loader). */
export function parseUsersTxt(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (m) out.set(unquote(m[2] as string), unquote(m[4] as string));
  }
  return out;
}

/** users.txt with the password of `role` replaced on every line of that role; other lines are kept as they are. */
export function rewriteUsersTxt(text: string, role: string, password: string): Rewrite {
  let found = false;
  let changed = false;
  const lines = text.split("\n").map((raw) => {
    const cr = raw.endsWith("\r") ? "\r" : "";
    const line = cr ? raw.slice(0, -1) : raw;
    const m = LINE.exec(line);
    if (!m || unquote(m[2] as string) !== role) return raw;
    found = true;
    if (unquote(m[4] as string) === password) return raw;
    changed = true;
    return `${m[1] ?? ""}"${m[2] ?? ""}"${m[3] ?? " "}${quote(password)}${m[5] ?? ""}${cr}`;
  });
  if (!found) return { ok: false, reason: `users.txt has no line for role "${role}"` };
  return { ok: true, text: lines.join("\n"), changed };
}

/** Whether users.txt gives `role` this password. */
export function usersTxtHas(text: string, role: string, password: string): boolean {
  return parseUsersTxt(text).get(role) === password;
}

/**
 * The stats connection with the role's new password. A stats URL of another user (a dedicated stats user in
 * users.txt) is left alone: its password did not change.
 */
export function rewriteStatsConnection(url: string, role: string, password: string): Rewrite {
  const parts = parseConnection(url);
  if (!parts) return { ok: false, reason: "the stats connection is not a PostgreSQL URL" };
  if (parts.user !== role || parts.password === password) return { ok: true, text: url, changed: false };
  return { ok: true, text: withPassword(url, password), changed: true };
}

/** Whether the stats connection logs in as `role` with this password (or as another user, which is unaffected). */
export function statsConnectionOk(url: string, role: string, password: string): boolean {
  const parts = parseConnection(url);
  return !!parts && (parts.user !== role || parts.password === password);
}
