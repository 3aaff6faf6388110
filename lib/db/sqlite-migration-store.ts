// MigrationStore for SQLite through @libsql/client. The lock is SQLite's own write lock: every unit
// of work runs in `BEGIN IMMEDIATE`, and a busy timeout makes other processes wait for it.
// libsql calls are synchronous, so a busy wait blocks the event loop: two connections of the SAME
// process contending would deadlock until the timeout. Calls within one process are therefore
// queued per database file (serialize()), and only other processes ever wait on the file lock.
import { createClient, type Transaction } from "@libsql/client";
import type { AppliedMigration, MigrationFile } from "./migration-plan";
import { MIGRATIONS_TABLE, rollbackAfter, type MigrationStore, type MigrationTransaction } from "./migration-store";

const BUSY_TIMEOUT_MS = 15_000;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
  "name" TEXT NOT NULL PRIMARY KEY,
  "checksum" TEXT NOT NULL,
  "applied_at" TEXT NOT NULL
)`;

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier call queued under `key` (in this process) has settled. */
function serialize<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.then(
    () => undefined,
    () => undefined, // the caller of serialize() receives the rejection; the queue only waits for it
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

/** `lockKey` identifies the database file (its absolute path) for the in-process queue. */
export async function openSqliteMigrationStore(url: string, lockKey: string): Promise<MigrationStore> {
  const client = createClient({ url });
  try {
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL lets the app read while a writer holds the lock; the setting persists in the file.
    const mode = await client.execute("PRAGMA journal_mode");
    if (String(mode.rows[0]?.journal_mode) !== "wal")
      await serialize(lockKey, () => client.execute("PRAGMA journal_mode = WAL"));
  } catch (error) {
    client.close();
    throw error;
  }
  return {
    locked(work) {
      return serialize(lockKey, async () => {
        // transaction() hands this connection (with these settings) to the transaction.
        await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
        // SQLite's documented procedure for schema changes: foreign keys OFF outside the transaction
        // (the pragma is a no-op inside one), change, `PRAGMA foreign_key_check`, commit. Otherwise the
        // DROP TABLE in Prisma's "RedefineTables" migrations fires ON DELETE CASCADE on child rows.
        await client.execute("PRAGMA foreign_keys = OFF");
        const tx = await client.transaction("write");
        try {
          await tx.execute(CREATE_TABLE);
          const result = await work(sqliteTransaction(tx));
          await tx.commit();
          return result;
        } catch (error) {
          return rollbackAfter(error, () => tx.rollback());
        } finally {
          tx.close();
        }
      });
    },
    async close() {
      client.close();
    },
  };
}

function sqliteTransaction(tx: Transaction): MigrationTransaction {
  async function record(name: string, checksum: string): Promise<void> {
    await tx.execute({
      sql: `INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`,
      args: [name, checksum, new Date().toISOString()],
    });
  }
  return {
    async applied() {
      const result = await tx.execute(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
      return result.rows.map((row): AppliedMigration => ({ name: String(row.name), checksum: String(row.checksum) }));
    },
    async apply(migration: MigrationFile) {
      await tx.executeMultiple(migration.sql);
      const violations = await tx.execute("PRAGMA foreign_key_check");
      if (violations.rows.length > 0) {
        const sample = violations.rows
          .slice(0, 5)
          .map((row) => `${String(row.table)} rowid ${String(row.rowid)} → ${String(row.parent)}`);
        throw new Error(`it leaves ${violations.rows.length} foreign key violation(s): ${sample.join("; ")}`);
      }
      await record(migration.name, migration.checksum);
    },
    async query(sql, args = []) {
      const result = await tx.execute({ sql, args: [...args] });
      return result.rows.map((row) => Object.fromEntries(result.columns.map((column) => [column, row[column]])));
    },
    record,
  };
}
