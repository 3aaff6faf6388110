// One-shot programs the rotation flows run as Jobs, recognised by their command line:
//  - `airflow rotate-fernet-key`: succeeds only when AIRFLOW__CORE__FERNET_KEY holds the key the database is
//    currently encrypted with (any position); on success the data is re-encrypted with the FIRST key.
//  - `psql <url> … ALTER ROLE <user> PASSWORD '<new>'`: connects with the credentials in the URL (the current ones),
//    and on success changes the simulated database's password of <user> (through PgBouncer when the URL points at
//    its Service: the statement reaches the database behind it).
import type { SimContext } from "../sim/context";
import { validFernet } from "./fernet";
import { connect } from "./app-pgbouncer";
import { dbTraceback, invalidFernetTraceback, psqlConnectError, undecryptableTraceback } from "./app-tracebacks";

export type JobOutcome = { ok: true; lines: string[]; onSuccess: () => void } | { ok: false; lines: string[] };

const URL_PATTERN = /postgres(?:ql)?(?:\+\w+)?:\/\/[^\s"'`)]+/;
const ALTER_ROLE = /ALTER\s+(?:ROLE|USER)\s+"?([A-Za-z0-9_.-]+)"?\s+(?:WITH\s+)?(?:ENCRYPTED\s+)?PASSWORD\s+'([^']*)'/i;

/** `$NAME` and `${NAME}` expanded from the container's environment, as the shell would. */
export function expandEnv(text: string, env: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, a: string, b: string) => env[a ?? b] ?? "",
  );
}

export function isFernetRotation(commandLine: string): boolean {
  return /\brotate-fernet-key\b/.test(commandLine);
}

export function isAlterRole(commandLine: string): boolean {
  return /\bpsql\b/.test(commandLine) && /ALTER\s+(ROLE|USER)\b/i.test(commandLine);
}

export function rotateFernetKey(ctx: SimContext, env: Record<string, string>, namespace = ""): JobOutcome {
  const conn = env.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN;
  const db = conn !== undefined ? connect(ctx, conn, namespace) : undefined;
  if (db && !db.ok) return { ok: false, lines: dbTraceback(db.error) };
  const value = env.AIRFLOW__CORE__FERNET_KEY ?? "";
  if (!value || !validFernet(value)) return { ok: false, lines: invalidFernetTraceback() };
  const keys = value.split(",").map((k) => k.trim());
  const host = db?.ok ? db.host : undefined;
  if (!host) return { ok: true, lines: ["No encrypted data to rotate."], onSuccess: () => undefined };
  const current = ctx.databases.fernetKey(host);
  if (current !== undefined && !keys.includes(current)) {
    return { ok: false, lines: undecryptableTraceback("connection password while rotating the Fernet key") };
  }
  return {
    ok: true,
    lines: ["Re-encrypted 3 connections, 5 variables and 0 triggers with the first Fernet key."],
    onSuccess: () => ctx.databases.setFernetKey(host, keys[0] as string),
  };
}

export function alterRole(ctx: SimContext, line: string, namespace = ""): JobOutcome {
  const commandLine = line.replace(/\\(["\\$`])/g, "$1"); // backslash escapes inside double quotes, as bash removes them
  const url = URL_PATTERN.exec(commandLine)?.[0];
  if (!url)
    return {
      ok: false,
      lines: [
        'psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory',
      ],
    };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, lines: [`psql: error: invalid URI query parameter: "${url.slice(0, 20)}…"`] };
  }
  const check = connect(ctx, url, namespace);
  if (!check.ok)
    return {
      ok: false,
      lines: psqlConnectError(parsed.hostname, parsed.port || "5432", decodeURIComponent(parsed.username)),
    };
  const sql = ALTER_ROLE.exec(commandLine);
  if (!sql) return { ok: false, lines: ['ERROR:  syntax error at or near "ALTER"'] };
  const [, role, password] = sql as unknown as [string, string, string];
  const host = check.host;
  if (!host) return { ok: true, lines: ["ALTER ROLE"], onSuccess: () => undefined };
  if (!ctx.databases.hasUser(host, role)) return { ok: false, lines: [`ERROR:  role "${role}" does not exist`] };
  return { ok: true, lines: ["ALTER ROLE"], onSuccess: () => ctx.databases.setPassword(host, role, password) };
}
