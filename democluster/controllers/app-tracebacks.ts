// Realistic crash output of the simulated programs (what ends up in the pod logs), kept apart from the decisions
// in app-behavior.ts / app-jobs.ts.

const SITE = "/home/airflow/.local/lib/python3.12/site-packages";

/** SQLAlchemy's traceback for a failed connection (the error is the last line Airflow prints). */
export function dbTraceback(error: string): string[] {
  const cause = error.replace(/^sqlalchemy\.exc\.OperationalError: \(psycopg2\.OperationalError\) /, "");
  return [
    "Traceback (most recent call last):",
    `  File "${SITE}/sqlalchemy/engine/base.py", line 146, in __init__`,
    "    self._dbapi_connection = engine.raw_connection()",
    `  File "${SITE}/psycopg2/__init__.py", line 122, in connect`,
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

/** A malformed `[core] fernet_key`. */
export function invalidFernetTraceback(): string[] {
  return [
    "Traceback (most recent call last):",
    `  File "${SITE}/airflow/models/crypto.py", line 87, in get_fernet`,
    '    _fernet = MultiFernet([Fernet(fernet_part.encode("utf-8")) for fernet_part in fernet_key.split(",")])',
    "ValueError: Fernet key must be 32 url-safe base64-encoded bytes.",
    "airflow.exceptions.AirflowException: Could not create Fernet object: Fernet key must be 32 url-safe base64-encoded bytes.",
  ];
}

/** None of the configured keys decrypts the stored secrets (the old key was dropped too early). */
export function undecryptableTraceback(what: string): string[] {
  return [
    `ERROR - Can't decrypt encrypted ${what}, FERNET_KEY configuration is missing or does not contain the key it was encrypted with`,
    "Traceback (most recent call last):",
    `  File "${SITE}/cryptography/fernet.py", line 134, in _get_unverified_token_data`,
    "    raise InvalidToken",
    "cryptography.fernet.InvalidToken",
    "",
    "During handling of the above exception, another exception occurred:",
    "",
    "Traceback (most recent call last):",
    `  File "${SITE}/airflow/models/crypto.py", line 112, in decrypt`,
    "    return self._fernet.decrypt(msg, ttl)",
    `  File "${SITE}/cryptography/fernet.py", line 209, in decrypt`,
    "    raise InvalidToken",
    "cryptography.fernet.InvalidToken",
  ];
}

/** psql failing to connect (libpq wording). */
export function psqlConnectError(host: string, port: string, user: string): string[] {
  return [
    `psql: error: connection to server at "${host}" (10.96.0.42), port ${port} failed: FATAL:  password authentication failed for user "${user}"`,
  ];
}
