// Pure migration bookkeeping: file naming, ordering, checksums and what is still to apply.
// No I/O here; lib/db/migrate.ts reads the files and talks to the database.
import { createHash } from "node:crypto";

/** `0001_init.sql`: four digits, underscore, lowercase words joined by underscores. */
const FILE_NAME = /^(\d{4})_([a-z0-9]+(?:_[a-z0-9]+)*)\.sql$/;

export interface MigrationFile {
  /** File name without `.sql`, e.g. `0001_init`; the key recorded in the database. */
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

export interface MigrationPlan {
  /** Files not yet recorded in the database, in order. */
  pending: MigrationFile[];
  /** Recorded in the database but absent from the files (applied by a newer version of the app). */
  unknown: string[];
}

export class MigrationModifiedError extends Error {
  constructor(
    readonly migration: string,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `migration ${migration} was modified after it was applied ` +
        `(checksum in the database ${appliedChecksum.slice(0, 12)}…, file ${fileChecksum.slice(0, 12)}…). ` +
        `Applied migrations must never change: restore the file and add a new migration instead.`,
    );
    this.name = "MigrationModifiedError";
  }
}

/**
 * The migration names (without `.sql`) among `fileNames`, in apply order.
 * Ignores files that do not end in `.sql` (e.g. README.md); throws on a `.sql` file with a bad name
 * or two files sharing a number.
 */
export function orderMigrationFileNames(fileNames: readonly string[]): string[] {
  const byNumber = new Map<string, string>();
  for (const fileName of fileNames) {
    if (!fileName.endsWith(".sql")) continue;
    const match = FILE_NAME.exec(fileName);
    if (!match) {
      throw new Error(`bad migration file name ${JSON.stringify(fileName)}: expected NNNN_lower_snake_name.sql`);
    }
    const [, number] = match;
    const other = byNumber.get(number);
    if (other !== undefined) {
      throw new Error(`migrations ${other}.sql and ${fileName} share the number ${number}; renumber one of them`);
    }
    byNumber.set(number, fileName.slice(0, -".sql".length));
  }
  return [...byNumber.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, name]) => name);
}

/** `0003_add_x` after `0001_…`, `0002_…`; `name` must be lower_snake_case. */
export function nextMigrationName(existing: readonly string[], name: string): string {
  if (!/^[a-z0-9]+(?:_[a-z0-9]+)*$/.test(name)) {
    throw new Error(`bad migration name ${JSON.stringify(name)}: use lower_snake_case, e.g. add_checklists`);
  }
  const last = existing.reduce((max, existingName) => Math.max(max, Number(existingName.slice(0, 4))), 0);
  if (last >= 9999) throw new Error("migration numbers are exhausted (9999)");
  return `${String(last + 1).padStart(4, "0")}_${name}`;
}

/** sha256 hex of the SQL with line endings normalised, so a CRLF checkout does not look "modified". */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n"), "utf8").digest("hex");
}

export function migrationFile(name: string, sql: string): MigrationFile {
  return { name, sql, checksum: migrationChecksum(sql) };
}

/** Compares files with what the database recorded. Throws MigrationModifiedError on a changed file. */
export function planMigrations(files: readonly MigrationFile[], applied: readonly AppliedMigration[]): MigrationPlan {
  const recorded = new Map(applied.map((migration) => [migration.name, migration.checksum]));
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const checksum = recorded.get(file.name);
    if (checksum === undefined) pending.push(file);
    else if (checksum !== file.checksum) throw new MigrationModifiedError(file.name, checksum, file.checksum);
  }
  const known = new Set(files.map((file) => file.name));
  const unknown = applied
    .map((migration) => migration.name)
    .filter((name) => !known.has(name))
    .sort();
  return { pending, unknown };
}
