// How the simulated programs react to their configuration once started: Airflow components connect to the
// metadata database (wrong password -> crash) and need a valid Fernet key. Crash output goes to the pod logs.
import type { SimContext } from "../sim/context";
import type { JsonMap } from "../sim/objects";
import { asString } from "../sim/objects";

export type AppOutcome = { ok: true } | { ok: false; lines: string[] };

const DB_USERS = new Set([
  "scheduler",
  "api-server",
  "webserver",
  "triggerer",
  "dag-processor",
  "worker",
  "run-airflow-migrations",
  "wait-for-airflow-migrations",
]);
const FERNET_USERS = new Set(["scheduler", "api-server", "webserver", "worker", "run-airflow-migrations"]);

export function appCheck(ctx: SimContext, container: JsonMap, env: Record<string, string>): AppOutcome {
  const name = asString(container.name) ?? "";
  const image = asString(container.image) ?? "";
  if (!image.includes("apache/airflow") || image.includes("pgbouncer")) return { ok: true };
  const conn = env.AIRFLOW__DATABASE__SQL_ALCHEMY_CONN;
  if (DB_USERS.has(name) && conn !== undefined) {
    const check = ctx.databases.check(conn);
    if (!check.ok) return { ok: false, lines: traceback(check.error) };
  }
  const fernet = env.AIRFLOW__CORE__FERNET_KEY;
  if (FERNET_USERS.has(name) && fernet !== undefined && !validFernet(fernet)) {
    return {
      ok: false,
      lines: [
        "Traceback (most recent call last):",
        '  File "/home/airflow/.local/lib/python3.12/site-packages/airflow/models/crypto.py", line 87, in get_fernet',
        '    _fernet = MultiFernet([Fernet(fernet_part.encode("utf-8")) for fernet_part in fernet_key.split(",")])',
        "ValueError: Fernet key must be 32 url-safe base64-encoded bytes.",
        "airflow.exceptions.AirflowException: Could not create Fernet object: Fernet key must be 32 url-safe base64-encoded bytes.",
      ],
    };
  }
  return { ok: true };
}

export function validFernet(value: string): boolean {
  return value
    .split(",")
    .every((k) => /^[A-Za-z0-9_-]{43}=$/.test(k.trim()) && Buffer.from(k.trim(), "base64url").length === 32);
}

function traceback(error: string): string[] {
  const cause = error.replace(/^sqlalchemy\.exc\.OperationalError: \(psycopg2\.OperationalError\) /, "");
  return [
    "Traceback (most recent call last):",
    '  File "/home/airflow/.local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 146, in __init__',
    "    self._dbapi_connection = engine.raw_connection()",
    '  File "/home/airflow/.local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
    "    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)",
    `psycopg2.OperationalError: ${cause}`,
    "",
    "The above exception was the direct cause of the following exception:",
    "",
    "Traceback (most recent call last):",
    '  File "/home/airflow/.local/bin/airflow", line 8, in <module>',
    "    sys.exit(main())",
    error,
    "(Background on this error at: https://sqlalche.me/e/14/e3q8)",
  ];
}
