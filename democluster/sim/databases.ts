// Simulated external databases that Airflow connects to. Containers whose connection URL names a known host but
// the wrong user/password crash like the real thing. Each database also remembers which Fernet key encrypts its
// Connections/Variables/Triggers: Airflow components whose key list cannot decrypt them crash, and the
// `airflow rotate-fernet-key` and `ALTER ROLE` Jobs (app-jobs.ts) change that state and the passwords.
import { createHash } from "node:crypto";

export interface DatabaseSpec {
  host: string;
  port?: number;
  database?: string;
  users: Record<string, string>; // user -> password
  /** The Fernet key the stored Connections/Variables are encrypted with (unset: nothing encrypted yet). */
  fernetKey?: string;
}

export type ConnectionCheck = { ok: true } | { ok: false; error: string };

/** What /__demo/state shows of a database: names and short fingerprints, never a password or key. */
export interface DatabaseSummary {
  host: string;
  users: { name: string; passwordSha256: string }[];
  fernetKeySha256: string | null;
}

/** First 16 hex digits of sha256(value): lets tests compare values they know without the demo revealing any. */
export function fingerprint(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}

export class Databases {
  private readonly byHost = new Map<string, DatabaseSpec>();

  add(spec: DatabaseSpec): void {
    this.byHost.set(spec.host, { ...spec, users: { ...spec.users } });
  }

  setPassword(host: string, user: string, password: string): void {
    const db = this.byHost.get(host);
    if (!db) throw new Error(`unknown database host ${host}`);
    db.users[user] = password;
  }

  hasUser(host: string, user: string): boolean {
    return this.byHost.get(host)?.users[user] !== undefined;
  }

  /** The key the data of `host` is encrypted with, or undefined (unknown host / nothing encrypted). */
  fernetKey(host: string): string | undefined {
    return this.byHost.get(host)?.fernetKey;
  }

  /** Re-encrypts the data of `host` with `key` (what a successful `airflow rotate-fernet-key` does). */
  setFernetKey(host: string, key: string): void {
    const db = this.byHost.get(host);
    if (!db) throw new Error(`unknown database host ${host}`);
    db.fernetKey = key;
  }

  hosts(): string[] {
    return [...this.byHost.keys()].sort();
  }

  describe(): DatabaseSummary[] {
    return this.hosts().map((host) => {
      const db = this.byHost.get(host) as DatabaseSpec;
      return {
        host,
        users: Object.entries(db.users)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, password]) => ({ name, passwordSha256: fingerprint(password) })),
        fernetKeySha256: db.fernetKey ? fingerprint(db.fernetKey) : null,
      };
    });
  }

  /** The simulated host a SQLAlchemy/libpq URL points at, or undefined (unparseable or not simulated). */
  hostOf(url: string): string | undefined {
    try {
      const host = new URL(url).hostname;
      return this.byHost.has(host) ? host : undefined;
    } catch {
      return undefined;
    }
  }

  /** Checks a SQLAlchemy/libpq URL against the known databases. Unknown hosts are accepted (not simulated). */
  check(url: string): ConnectionCheck {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, error: `sqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from given URL string` };
    }
    if (
      !/^postgres(ql)?(\+\w+)?:$/.test(parsed.protocol) &&
      !/^mysql/.test(parsed.protocol) &&
      parsed.protocol !== "sqlite:"
    ) {
      return {
        ok: false,
        error: `sqlalchemy.exc.NoSuchModuleError: Can't load plugin: sqlalchemy.dialects:${parsed.protocol.replace(/:$/, "")}`,
      };
    }
    const db = this.byHost.get(parsed.hostname);
    if (!db) return { ok: true };
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    const port = parsed.port || "5432";
    if (db.users[user] === undefined || db.users[user] !== password) {
      return {
        ok: false,
        error:
          `sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "${parsed.hostname}", port ${port} failed: ` +
          `FATAL:  password authentication failed for user "${user}"`,
      };
    }
    return { ok: true };
  }
}
