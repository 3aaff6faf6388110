// MigrationStore for PostgreSQL through `pg`. The lock is a transaction-scoped advisory lock, so two
// app instances starting together apply each migration once; it is released by COMMIT/ROLLBACK.
import pg from "pg";
import type { AppliedMigration, MigrationFile } from "./migration-plan";
import { MIGRATIONS_TABLE, rollbackAfter, type MigrationStore, type MigrationTransaction } from "./migration-store";

const LOCK_NAME = "fluxtower:migrations";

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

export async function openPostgresqlMigrationStore(url: string): Promise<MigrationStore> {
  const client = new pg.Client({ connectionString: url, application_name: "fluxtower-migrate" });
  // A connection lost between queries is emitted here; the next query then fails with it.
  let connectionError: Error | null = null;
  client.on("error", (error) => {
    connectionError = error;
  });
  await client.connect();

  async function query(text: string, values?: unknown[]): Promise<pg.QueryResult> {
    if (connectionError)
      throw new Error(`PostgreSQL connection lost: ${connectionError.message}`, { cause: connectionError });
    return client.query(text, values);
  }

  const transaction: MigrationTransaction = {
    async applied() {
      const result = await query(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
      return result.rows.map((row: Record<string, unknown>): AppliedMigration => ({
        name: String(row.name),
        checksum: String(row.checksum),
      }));
    },
    async apply(migration: MigrationFile) {
      // No parameters → simple query protocol, which runs a multi-statement script.
      await query(migration.sql);
      await transaction.record(migration.name, migration.checksum);
    },
    async query(sql, args = []) {
      let n = 0;
      return (
        await query(
          sql.replace(/\?/g, () => `$${++n}`),
          [...args],
        )
      ).rows as Record<string, unknown>[];
    },
    async record(name, checksum) {
      await query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [name, checksum]);
    },
  };

  return {
    async locked(work) {
      await query("BEGIN");
      try {
        // Waits while another instance holds the lock. Taken before CREATE TABLE IF NOT EXISTS,
        // which is not safe to run concurrently in PostgreSQL.
        await query("SELECT pg_advisory_xact_lock(hashtext($1))", [LOCK_NAME]);
        await query(CREATE_TABLE);
        const result = await work(transaction);
        await query("COMMIT");
        return result;
      } catch (error) {
        return rollbackAfter(error, () => client.query("ROLLBACK"));
      }
    },
    async close() {
      await client.end();
    },
  };
}
