// Test databases for the db-* integration tests. With a postgres(ql):// DATABASE_URL (e.g. under
// scripts/with-postgres.sh) each test database is a new database on that server; otherwise a SQLite
// file in a new temp dir. Under with-postgres.sh the app's role may not create databases (S23), so the
// superuser (FLUXTOWER_TEST_PG_ADMIN_URL) creates each one OWNED BY the app's role, and the test connects
// as that role, like the app.
import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { databaseKind, type DatabaseKind } from "@/lib/db/database-url";

const serverUrl = process.env.DATABASE_URL?.trim() || null;

export const testKind: DatabaseKind = serverUrl && databaseKind(serverUrl) === "postgresql" ? "postgresql" : "sqlite";

export interface TestDatabase {
  url: string;
  /** Runs one statement and returns its rows. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  return testKind === "postgresql" ? createPostgresqlDatabase(serverUrl ?? "") : createSqliteDatabase();
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fluxtower-db-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  return {
    url,
    async query(sql) {
      const client = createClient({ url });
      try {
        const result = await client.execute(sql);
        return result.rows.map((row) => Object.fromEntries(result.columns.map((column) => [column, row[column]])));
      } finally {
        client.close();
      }
    },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgresqlDatabase(appUrl: string): Promise<TestDatabase> {
  const name = `fluxtower_test_${randomBytes(6).toString("hex")}`;
  const adminUrl = process.env.FLUXTOWER_TEST_PG_ADMIN_URL?.trim() || appUrl;
  const owner = decodeURIComponent(new URL(appUrl).username).replace(/"/g, '""');
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" OWNER "${owner}"`));
  const url = new URL(appUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    query: (sql) => withClient(url.toString(), async (client) => (await client.query(sql)).rows),
    async drop() {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
