// Writes the next SQL migration for both databases from the change to prisma/schema.prisma.
//
//   npm run db:migration -- <lower_snake_name>          (= npx tsx scripts/db-make-migration.ts <name>)
//   npm run db:migration -- <lower_snake_name> --empty  (no schema change: files for hand-written SQL)
//
// For each provider it runs `prisma migrate diff --from-schema-datamodel <schema at the last migration>
// --to-schema-datamodel <current schema> --script` (offline, JS schema engine via prisma/<provider>.config.ts),
// writes prisma/migrations/<provider>/NNNN_<name>.sql, then updates prisma/migrations/schema.snapshot.prisma.
// `migrate diff` on PostgreSQL opens a connection (a version query), so without a postgresql:// DATABASE_URL
// the script re-runs itself under scripts/with-postgres.sh (a throwaway local server).
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseKind } from "../lib/db/database-url";
import { nextMigrationName, orderMigrationFileNames } from "../lib/db/migration-plan";
import { assertPortableSchema, derivePostgresqlSchema } from "../lib/db/schema-variants";

const SOURCE = path.join("prisma", "schema.prisma");
const MIGRATIONS = path.join("prisma", "migrations");
const SNAPSHOT = path.join(MIGRATIONS, "schema.snapshot.prisma");
const KINDS: readonly DatabaseKind[] = ["sqlite", "postgresql"];
const EMPTY_DIFF = /^\s*(-- This is an empty migration\.\s*)?$/;
// `migrate diff --from-empty` emits this for PostgreSQL. PostgreSQL checks CREATE on the database before
// IF NOT EXISTS, so it fails for a least-privilege role, and it is pointless: "public" exists and the
// migrations use unqualified names (they go to the connection's search_path).
const CREATE_PUBLIC_SCHEMA = /^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n+/m;

/** A user-facing failure: printed without a stack trace by the handler at the bottom. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function schemaFor(kind: DatabaseKind, source: string): string {
  return kind === "sqlite" ? source : derivePostgresqlSchema(source, { clientOutput: "unused" });
}

function existingMigrations(kind: DatabaseKind): string[] {
  const dir = path.join(MIGRATIONS, kind);
  return existsSync(dir) ? orderMigrationFileNames(readdirSync(dir)) : [];
}

function diff(kind: DatabaseKind, from: string | null, to: string): string {
  const prisma = path.join("node_modules", ".bin", "prisma");
  const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", from];
  const args = ["migrate", "diff", "--config", path.join("prisma", `${kind}.config.ts`), ...fromArgs];
  const result = spawnSync(prisma, [...args, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) fail(`prisma migrate diff failed for ${kind}:\n${result.stderr}${result.stdout}`);
  return result.stdout.replace(CREATE_PUBLIC_SCHEMA, "");
}

function main(argv: readonly string[]): void {
  const empty = argv.includes("--empty");
  const [name, ...extra] = argv.filter((arg) => arg !== "--empty");
  if (!name || extra.length > 0) fail("usage: npm run db:migration -- <lower_snake_name> [--empty]");

  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // Re-run under a throwaway PostgreSQL server (exit code propagates).
    console.error("db-make-migration: no postgresql:// DATABASE_URL; starting a throwaway server");
    const self = [path.join("node_modules", ".bin", "tsx"), path.join("scripts", "db-make-migration.ts"), ...argv];
    const run = spawnSync("bash", [path.join("scripts", "with-postgres.sh"), ...self], { stdio: "inherit" });
    process.exit(run.status ?? 1);
  }

  // prisma/postgresql.config.ts names the derived schema; the CLI wants it present even when diffing other files.
  execFileSync(process.execPath, ["--import", "tsx", path.join("prisma", "derive-postgresql-schema.ts")]);
  const source = readFileSync(SOURCE, "utf8");
  assertPortableSchema(source);
  const snapshot = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, "utf8") : null;
  const names = KINDS.map(existingMigrations);
  if (names[0].join() !== names[1].join()) {
    fail(
      `prisma/migrations/sqlite and prisma/migrations/postgresql differ:\n  ${names[0].join(" ")}\n  ${names[1].join(" ")}`,
    );
  }
  if ((snapshot === null) !== (names[0].length === 0)) {
    fail(`${SNAPSHOT} must exist exactly when there are migrations; restore it from git`);
  }
  const next = nextMigrationName(names[0], name);

  const tmp = mkdtempSync(path.join(os.tmpdir(), "fluxtower-migration-"));
  try {
    const scripts = KINDS.map((kind) => {
      const to = path.join(tmp, `to.${kind}.prisma`);
      writeFileSync(to, schemaFor(kind, source));
      let from: string | null = null;
      if (snapshot !== null) {
        from = path.join(tmp, `from.${kind}.prisma`);
        writeFileSync(from, schemaFor(kind, snapshot));
      }
      return diff(kind, from, to);
    });
    const unchanged = scripts.every((sql) => EMPTY_DIFF.test(sql));
    if (unchanged && !empty) {
      if (snapshot !== source) {
        copyFileSync(SOURCE, SNAPSHOT);
        console.log(`db-make-migration: no model changes; refreshed ${SNAPSHOT} (comments/formatting only)`);
        return;
      }
      fail("no schema changes since the last migration (use --empty for a hand-written SQL migration)");
    }
    if (!unchanged && empty) fail("--empty given but prisma/schema.prisma has changes; drop --empty");
    KINDS.forEach((kind, index) => {
      const dir = path.join(MIGRATIONS, kind);
      mkdirSync(dir, { recursive: true });
      const header =
        `-- ${next} (${kind}). Generated by scripts/db-make-migration.ts from prisma/schema.prisma.\n` +
        `-- Never edit a migration after it was applied anywhere: add a new one.\n\n`;
      const body = empty ? `-- Hand-written migration: add ${kind} SQL here.\n` : scripts[index];
      const file = path.join(dir, `${next}.sql`);
      writeFileSync(file, header + body.trimEnd() + "\n");
      console.log(`db-make-migration: wrote ${file}`);
    });
    copyFileSync(SOURCE, SNAPSHOT);
    console.log(`db-make-migration: updated ${SNAPSHOT}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Paths here are relative to the repository root, like lib/db/migrate.ts's (npm runs scripts from there).
try {
  if (!existsSync(SOURCE)) fail(`run from the repository root (${SOURCE} not found in ${process.cwd()})`);
  main(process.argv.slice(2));
} catch (error) {
  console.error(
    `db-make-migration: ${error instanceof UsageError ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exitCode = 1;
}
