// Data migrations: code that rewrites stored rows once, applied by lib/db/migrate.ts in the same sequence, lock
// and transaction discipline as the SQL files and recorded in _fluxtower_migrations under its name. Each runs
// right after the SQL migration it was written against (`after`), so on a fresh database it meets that schema.
import { createHash } from "node:crypto";
import type { DatabaseKind } from "./database-url";
import type { MigrationFile } from "./migration-plan";
import type { MigrationTransaction } from "./migration-store";
import { redactChecklistSecrets } from "./redact-checklist-migration";

/** What a data migration may do: parameterised statements in the migration's transaction. */
export interface DataMigrationContext {
  kind: DatabaseKind;
  query: MigrationTransaction["query"];
  /** When this run started (recorded in the rows it changes). */
  now: Date;
}

export interface DataMigration {
  /** `data_NNNN_lower_snake_name`: cannot collide with an SQL file name (`NNNN_name`). */
  name: string;
  /** The SQL migration it runs after. */
  after: string;
  /** Bump only with a new name: the checksum of an applied data migration must not change. */
  description: string;
  run(ctx: DataMigrationContext): Promise<void>;
}

export const DATA_MIGRATIONS: readonly DataMigration[] = [redactChecklistSecrets];

/** The bookkeeping checksum of a data migration: sha256 of its name and description. */
export function dataMigrationChecksum(m: DataMigration): string {
  return createHash("sha256").update(`${m.name}\n${m.description}`, "utf8").digest("hex");
}

/** A data migration in the shape the planner compares (no SQL; the checksum stands for the code). */
export function dataMigrationFile(m: DataMigration): MigrationFile {
  return { name: m.name, sql: "", checksum: dataMigrationChecksum(m) };
}

/** The SQL files with every data migration placed right after its `after` file (at the end if that is absent). */
export function withDataMigrations(
  files: readonly MigrationFile[],
  data: readonly DataMigration[] = DATA_MIGRATIONS,
): MigrationFile[] {
  const out: MigrationFile[] = [];
  const placed = new Set<string>();
  for (const file of files) {
    out.push(file);
    for (const m of data)
      if (m.after === file.name) {
        out.push(dataMigrationFile(m));
        placed.add(m.name);
      }
  }
  for (const m of data) if (!placed.has(m.name)) out.push(dataMigrationFile(m));
  return out;
}

/** The same placement for names only (tests compare what was recorded with it). */
export function withDataMigrationNames(
  sqlNames: readonly string[],
  data: readonly DataMigration[] = DATA_MIGRATIONS,
): string[] {
  return withDataMigrations(
    sqlNames.map((name) => ({ name, sql: "", checksum: "" })),
    data,
  ).map((f) => f.name);
}
