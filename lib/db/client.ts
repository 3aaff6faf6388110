// The Prisma client for the configured database, migrated before first use.
// Server code only (the lead adds `server-only` guards at the app boundary; this stays importable
// from vitest and tsx scripts).
import { chmodSync } from "node:fs";
import { BusyTolerantLibSQL } from "./sqlite-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind, resolveDatabaseUrl, sqliteFilePath, type DatabaseKind } from "./database-url";
import { PrismaClient as PostgresqlPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";
import { migrate, type MigrateOptions } from "./migrate";

export { databaseKind, type DatabaseKind };

/** The database client type, whichever provider is in use (see openDb). */
export type Db = SqlitePrismaClient;

interface DbState {
  url: string;
  db: Promise<Db>;
}

// On globalThis so that Next.js dev-mode HMR, which re-evaluates modules, reuses one client.
const holder = globalThis as typeof globalThis & { __fluxtowerDb?: DbState };

/**
 * The process-wide client for DATABASE_URL (default `file:<cwd>/.data/fluxtower.db`), created on first
 * call after applying pending migrations. A failed attempt is not cached: the next call retries.
 */
export function getDb(): Promise<Db> {
  const existing = holder.__fluxtowerDb;
  if (existing) return existing.db;
  const url = resolveDatabaseUrl(process.env, process.cwd());
  const state: DbState = { url, db: openDb(url) };
  holder.__fluxtowerDb = state;
  state.db.catch(() => {
    // The rejection reaches every caller of getDb(); here we only forget the failed attempt.
    if (holder.__fluxtowerDb === state) holder.__fluxtowerDb = undefined;
  });
  return state.db;
}

/** Disconnects the process-wide client (tests, shutdown). The next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const state = holder.__fluxtowerDb;
  if (!state) return;
  holder.__fluxtowerDb = undefined;
  let db: Db;
  try {
    db = await state.db;
  } catch {
    return; // it never opened, so there is nothing to close; getDb() callers got the error
  }
  await db.$disconnect();
}

/** chmod 600; a file that belongs to another OS user (EPERM) keeps the mode its owner chose. */
function restrictToOwner(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") throw err;
  }
}

/** A new, migrated client for `url` (not shared; the caller disconnects it). */
export async function openDb(url: string, options: MigrateOptions = {}): Promise<Db> {
  await migrate(url, options);
  if (databaseKind(url) === "sqlite") {
    // migrate() created the file and its folder. SQLite has no login: the file's mode is its access control
    // (SECURITY.md S23), so only the app's OS user may read or write it (SQLite gives -wal/-shm the same mode).
    const file = sqliteFilePath(url, process.cwd());
    if (file) restrictToOwner(file);
    return new SqlitePrismaClient({ adapter: new BusyTolerantLibSQL({ url }) });
  }
  const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  // The one place the PostgreSQL client is used as `Db`. Both clients are generated from the same models
  // (prisma/generated/schema.postgresql.prisma is derived from prisma/schema.prisma), so their model
  // delegates have the same shapes; they differ only in provider-specific extras (e.g. `mode: "insensitive"`
  // string filters exist on PostgreSQL only), which `Db` does not expose. lib/db/generated-clients.test.ts
  // checks the model types match, and the integration tests run the same code on both databases.
  return client as unknown as Db;
}
