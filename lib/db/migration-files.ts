// Reads the committed SQL migrations from disk at run time (never bundled or imported), so the same
// code works from tsx, vitest and inside the Next.js production server.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { DatabaseKind } from "./database-url";
import { migrationFile, orderMigrationFileNames, type MigrationFile } from "./migration-plan";

/**
 * `<cwd>/prisma/migrations`. The app and its scripts always start from the repository root
 * (npm scripts, `next start`, vitest), so the working directory locates the committed SQL.
 */
export function defaultMigrationsRoot(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

/** The ordered migrations of one provider: `<root>/<kind>/NNNN_name.sql`. Throws when there are none. */
export async function readMigrationFiles(root: string, kind: DatabaseKind): Promise<MigrationFile[]> {
  const dir = path.join(root, kind);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw new Error(
      `cannot read the ${kind} migrations in ${dir} (the app must start from the repository root): ${String(error)}`,
      { cause: error },
    );
  }
  const names = orderMigrationFileNames(entries);
  if (names.length === 0) throw new Error(`no ${kind} migrations (NNNN_name.sql) found in ${dir}`);
  return Promise.all(
    names.map(async (name) => migrationFile(name, await readFile(path.join(dir, `${name}.sql`), "utf8"))),
  );
}
