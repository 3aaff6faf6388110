// Simulated external databases that Airflow connects to. Containers whose connection URL names a known host but
// the wrong user/password crash like the real thing. (Rotation flows will change passwords here via Jobs.)
export interface DatabaseSpec {
  host: string;
  port?: number;
  database?: string;
  users: Record<string, string>; // user -> password
}

export type ConnectionCheck = { ok: true } | { ok: false; error: string };

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

  hosts(): string[] {
    return [...this.byHost.keys()].sort();
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
