// Applies the committed SQL migrations (prisma/migrations/<provider>/NNNN_name.sql) and the data migrations
// (lib/db/data-migrations.ts, placed after the SQL file each was written against) to a database and records each
// one in _fluxtower_migrations with its checksum. See ARCHITECTURE.md, "Migrations".
import { DATA_MIGRATIONS, withDataMigrations } from "./data-migrations";
import { databaseKind, describeUrl, sqliteFilePath, type DatabaseKind } from "./database-url";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defaultMigrationsRoot, readMigrationFiles } from "./migration-files";
import { planMigrations, type MigrationFile } from "./migration-plan";
import { errorMessage, type MigrationStore } from "./migration-store";
import { openPostgresqlMigrationStore } from "./postgresql-migration-store";
import { openSqliteMigrationStore } from "./sqlite-migration-store";

export interface MigrateOptions {
  /** Folder holding `sqlite/` and `postgresql/`; default `<cwd>/prisma/migrations`. */
  migrationsRoot?: string;
}

export interface MigrateResult {
  /** Migrations this call applied, in order; empty when the database was up to date. */
  applied: string[];
  /** Migrations the database has but these files do not (applied by a newer version); left alone. */
  unknown: string[];
}

/**
 * Brings the database at `databaseUrl` (`file:` → SQLite, `postgres(ql)://` → PostgreSQL) up to date.
 * Each pending file runs in its own transaction under the migration lock, so concurrent callers
 * (several app instances) apply it once. Throws if an applied file was modified since.
 * For SQLite, creates the database file's directory if missing.
 */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const kind = databaseKind(databaseUrl);
  const files = await migrationSequence(kind, options);
  const store = await openStore(databaseUrl);
  try {
    const { pending, unknown } = await store.locked(async (tx) => planMigrations(files, await tx.applied()));
    const applied: string[] = [];
    for (const migration of pending) {
      if (await applyIfPending(store, files, migration, kind)) applied.push(migration.name);
    }
    return { applied, unknown };
  } finally {
    await store.close();
  }
}

/** Every migration of a provider in apply order: the SQL files with the data migrations placed among them. */
export async function migrationSequence(kind: DatabaseKind, options: MigrateOptions = {}): Promise<MigrationFile[]> {
  const sql = await readMigrationFiles(options.migrationsRoot ?? defaultMigrationsRoot(), kind);
  return withDataMigrations(sql);
}

async function openStore(databaseUrl: string): Promise<MigrationStore> {
  try {
    if (databaseKind(databaseUrl) === "postgresql") return await openPostgresqlMigrationStore(databaseUrl);
    const file = sqliteFilePath(databaseUrl, process.cwd());
    if (file) mkdirSync(path.dirname(file), { recursive: true });
    return await openSqliteMigrationStore(databaseUrl, file ?? databaseUrl);
  } catch (error) {
    throw new Error(`cannot open the database ${describeUrl(databaseUrl)} to migrate it: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/** Re-plans under the lock: another instance may have applied it meanwhile. */
async function applyIfPending(
  store: MigrationStore,
  files: readonly MigrationFile[],
  migration: MigrationFile,
  kind: DatabaseKind,
): Promise<boolean> {
  return store.locked(async (tx) => {
    const { pending } = planMigrations(files, await tx.applied());
    if (!pending.some((file) => file.name === migration.name)) return false;
    try {
      const data = DATA_MIGRATIONS.find((m) => m.name === migration.name);
      if (data) {
        await data.run({ kind, query: (sql, args) => tx.query(sql, args), now: new Date() });
        await tx.record(migration.name, migration.checksum);
      } else await tx.apply(migration);
    } catch (error) {
      throw new Error(`migration ${migration.name} failed on ${kind} and was rolled back: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    return true;
  });
}
