// Every row of every table of the running app's database (DATABASE_URL of the stack: SQLite file or PostgreSQL),
// as text — for the canary search only ("Secret values never reach the database", SECURITY.md S11). Read-only.
import { createClient } from "@libsql/client";
import pg from "pg";
import { databaseKind } from "@/lib/db/database-url";

function appUrl(): string {
  const value = process.env.DATABASE_URL?.trim();
  if (!value) throw new Error("the canary's database search needs DATABASE_URL (the app's database), as scripts/test.sh sets it");
  return value;
}

const quoted = (table: string) => `"${table.replace(/"/g, '""')}"`;

/** `table → JSON of all its rows` for every table. */
export async function databaseText(): Promise<Record<string, string>> {
  const url = appUrl();
  const out: Record<string, string> = {};
  if (databaseKind(url) === "postgresql") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      for (const { name } of tables.rows) out[name] = JSON.stringify((await client.query(`SELECT * FROM ${quoted(name)}`)).rows);
    } finally {
      await client.end();
    }
    return out;
  }
  const client = createClient({ url });
  try {
    const tables = await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    for (const row of tables.rows) {
      const name = String(row.name);
      const rows = await client.execute(`SELECT * FROM ${quoted(name)}`);
      out[name] = JSON.stringify(rows.rows.map((r) => Object.fromEntries(rows.columns.map((c) => [c, r[c]]))));
    }
  } finally {
    client.close();
  }
  return out;
}
