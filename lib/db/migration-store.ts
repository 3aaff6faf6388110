// What the migration runner needs from a database. One implementation per provider:
// sqlite-migration-store.ts and postgresql-migration-store.ts.
import type { AppliedMigration, MigrationFile } from "./migration-plan";

/** Bookkeeping table; one row per applied migration file. */
export const MIGRATIONS_TABLE = "_fluxtower_migrations";

export interface MigrationTransaction {
  /** Every migration recorded in the bookkeeping table. */
  applied(): Promise<AppliedMigration[]>;
  /** Runs the file's SQL and records its name and checksum, in this transaction. */
  apply(migration: MigrationFile): Promise<void>;
  /**
   * Runs one statement with `?` placeholders (no `?` inside literals) in this transaction and returns its rows;
   * data migrations (lib/db/data-migrations.ts) read and rewrite rows with it.
   */
  query(sql: string, args?: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  /** Records a migration that ran as code (a data migration) under its name and checksum. */
  record(name: string, checksum: string): Promise<void>;
}

/** A statement argument. */
export type SqlValue = string | number | null;

export interface MigrationStore {
  /**
   * Runs `work` in one transaction that holds the migration lock (other processes migrating the same
   * database wait), after creating the bookkeeping table if needed. Commits when `work` resolves,
   * rolls back and rethrows when it rejects.
   */
  locked<T>(work: (tx: MigrationTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Rolls back after `cause`; if the rollback fails too, both are reported. */
export async function rollbackAfter(cause: unknown, rollback: () => Promise<unknown>): Promise<never> {
  try {
    await rollback();
  } catch (rollbackError) {
    throw new Error(`${errorMessage(cause)} (and the rollback failed: ${errorMessage(rollbackError)})`, { cause });
  }
  throw cause;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
