// Direct SQL on the running app's own database (DATABASE_URL of the stack, SQLite file or PostgreSQL), for the few
// tests that must stand in for the passing of time (a grace period of hours) — never to read results the API
// gives. Statements are the test's own constants; nothing user-supplied goes in.
import { createClient } from "@libsql/client";
import pg from "pg";
import { databaseKind } from "@/lib/db/database-url";

function url(): string {
  const value = process.env.DATABASE_URL?.trim();
  if (!value) throw new Error("this test needs DATABASE_URL (the app's database), as scripts/test.sh sets it");
  return value;
}

/** Runs one statement with positional parameters ($1, $2 … on PostgreSQL; ? on SQLite — write `?` and it is mapped). */
export async function appDatabaseExec(sql: string, params: (string | number)[]): Promise<number> {
  const u = url();
  if (databaseKind(u) === "postgresql") {
    let i = 0;
    const client = new pg.Client({ connectionString: u });
    await client.connect();
    try {
      const result = await client.query(sql.replace(/\?/g, () => `$${++i}`), params);
      return result.rowCount ?? 0;
    } finally {
      await client.end();
    }
  }
  const client = createClient({ url: u });
  try {
    return (await client.execute({ sql, args: params })).rowsAffected;
  } finally {
    client.close();
  }
}
