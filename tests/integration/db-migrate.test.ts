// lib/db/migrate.ts against a real database: SQLite by default, PostgreSQL when DATABASE_URL is a
// postgres(ql):// URL (npm test runs this file both ways; see scripts/with-postgres.sh).
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { migrate, type MigrateResult } from "@/lib/db/migrate";
import { withDataMigrationNames } from "@/lib/db/data-migrations";
import { orderMigrationFileNames } from "@/lib/db/migration-plan";
import { createTestDatabase, testKind, type TestDatabase } from "./db-test-database";

const committedRoot = path.join(process.cwd(), "prisma", "migrations");
// SQL files plus the data migrations among them (lib/db/data-migrations.ts), in apply order.
const committed = withDataMigrationNames(orderMigrationFileNames(readdirSync(path.join(committedRoot, testKind))));

let scratch: string;
let databases: TestDatabase[] = [];

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

/** A private copy of the committed migrations that a test may change. */
function copyOfMigrations(): string {
  const root = mkdtempSync(path.join(scratch, "migrations-"));
  cpSync(committedRoot, root, { recursive: true });
  return root;
}

function addMigration(root: string, name: string, sql: string): void {
  writeFileSync(path.join(root, testKind, `${name}.sql`), sql);
}

/** A process running tests/integration/db-migrate-child.ts; migrate() starts on go(). */
function startChild(
  url: string,
  root: string,
): { ready: Promise<void>; go: () => void; result: Promise<MigrateResult> } {
  const script = path.join(process.cwd(), "tests", "integration", "db-migrate-child.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, url, root], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<MigrateResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      markReady();
      if (code !== 0) reject(new Error(`migrate child exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.slice("ready\n".length)) as MigrateResult);
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), result };
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "fluxtower-migrate-test-"));
});
afterEach(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  databases = [];
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe(`migrate() on ${testKind}`, () => {
  it("applies every committed migration to a fresh database and records it", async () => {
    const database = await freshDatabase();
    const started = performance.now();
    expect(await migrate(database.url)).toEqual({ applied: committed, unknown: [] });
    console.info(`[${testKind}] fresh migrate: ${Math.round(performance.now() - started)} ms`);

    const rows = await database.query(`SELECT "name", "checksum" FROM "_fluxtower_migrations" ORDER BY "name"`);
    expect(rows.map((row) => String(row.name)).sort()).toEqual([...committed].sort());
    for (const row of rows) expect(String(row.checksum)).toMatch(/^[0-9a-f]{64}$/);
    const counts = await database.query(`SELECT COUNT(*) AS n FROM "User"`);
    expect(Number(counts[0].n)).toBe(0);
  });

  it("applies nothing the second time", async () => {
    const database = await freshDatabase();
    await migrate(database.url);
    expect(await migrate(database.url)).toEqual({ applied: [], unknown: [] });
  });

  it("applies only a newly added migration", async () => {
    const database = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(database.url, { migrationsRoot: root });
    addMigration(
      root,
      "9001_add_extra",
      `CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\nCREATE INDEX "Extra_id_idx" ON "Extra"("id");\n`,
    );
    expect(await migrate(database.url, { migrationsRoot: root })).toEqual({ applied: ["9001_add_extra"], unknown: [] });
    expect(await database.query(`SELECT COUNT(*) AS n FROM "Extra"`)).toHaveLength(1);
  });

  it("refuses a migration file modified after it was applied", async () => {
    const database = await freshDatabase();
    const root = copyOfMigrations();
    await migrate(database.url, { migrationsRoot: root });
    appendFileSync(path.join(root, testKind, "0001_init.sql"), "\n-- tampered\n");
    await expect(migrate(database.url, { migrationsRoot: root })).rejects.toThrow(
      /migration 0001_init was modified after it was applied/,
    );
  });

  it("rolls back a failing migration completely and names it", async () => {
    const database = await freshDatabase();
    const root = copyOfMigrations();
    addMigration(root, "9001_broken", `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nSELECT * FROM "NoSuchTable";\n`);
    await expect(migrate(database.url, { migrationsRoot: root })).rejects.toThrow(
      /migration 9001_broken failed on .* and was rolled back/,
    );
    // The earlier migrations stay applied; the broken one left nothing behind.
    const names = await database.query(`SELECT "name" FROM "_fluxtower_migrations" ORDER BY "name"`);
    expect(names.map((row) => String(row.name)).sort()).toEqual([...committed].sort());
    await expect(database.query(`SELECT COUNT(*) AS n FROM "Half"`)).rejects.toThrow(/Half/);
  });

  it("reports, but tolerates, migrations applied by a newer version", async () => {
    const database = await freshDatabase();
    await migrate(database.url);
    await database.query(
      `INSERT INTO "_fluxtower_migrations" ("name", "checksum", "applied_at") VALUES ('9999_future', 'x', '2030-01-01T00:00:00Z')`,
    );
    expect(await migrate(database.url)).toEqual({ applied: [], unknown: ["9999_future"] });
  });

  it("applies each migration once when several instances migrate at the same time", async () => {
    const database = await freshDatabase();
    const root = copyOfMigrations();
    addMigration(root, "9001_add_extra", `CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n`);
    const results = await Promise.all(Array.from({ length: 6 }, () => migrate(database.url, { migrationsRoot: root })));
    const applied = results.flatMap((result) => result.applied).sort();
    expect(applied).toEqual([...committed, "9001_add_extra"].sort());
    const rows = await database.query(`SELECT COUNT(*) AS n FROM "_fluxtower_migrations"`);
    expect(Number(rows[0].n)).toBe(committed.length + 1);
  });

  it("applies each migration once when several processes migrate at the same time", async () => {
    const database = await freshDatabase();
    const root = copyOfMigrations();
    addMigration(root, "9001_add_extra", `CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n`);
    const children = Array.from({ length: 3 }, () => startChild(database.url, root));
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const results = await Promise.all(children.map((child) => child.result));
    expect(results.flatMap((result) => result.applied).sort()).toEqual([...committed, "9001_add_extra"].sort());
  });

  describe.runIf(testKind === "sqlite")("SQLite table redefinitions", () => {
    const parentAndChild = `CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY, "v" TEXT);
CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,
  CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
`;
    // The shape `prisma migrate diff` emits for SQLite when a table must be rebuilt.
    const redefineParent = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "v" TEXT NOT NULL DEFAULT '');
INSERT INTO "new_Parent" ("id", "v") SELECT "id", coalesce("v", '') FROM "Parent";
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`;

    it("rebuilding a parent table keeps child rows (no ON DELETE CASCADE from DROP TABLE)", async () => {
      const database = await freshDatabase();
      const root = copyOfMigrations();
      addMigration(root, "9001_parent_child", parentAndChild);
      await migrate(database.url, { migrationsRoot: root });
      await database.query(`INSERT INTO "Parent" ("id") VALUES ('p1')`);
      await database.query(`INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'p1')`);
      addMigration(root, "9002_redefine_parent", redefineParent);
      expect((await migrate(database.url, { migrationsRoot: root })).applied).toEqual(["9002_redefine_parent"]);
      expect(await database.query(`SELECT "id" FROM "Child"`)).toEqual([{ id: "c1" }]);
    });

    it("refuses a migration that leaves foreign key violations", async () => {
      const database = await freshDatabase();
      const root = copyOfMigrations();
      addMigration(root, "9001_parent_child", parentAndChild);
      addMigration(root, "9002_orphan", `INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'missing');\n`);
      await expect(migrate(database.url, { migrationsRoot: root })).rejects.toThrow(
        /migration 9002_orphan failed on sqlite and was rolled back: it leaves 1 foreign key violation/,
      );
      expect(await database.query(`SELECT COUNT(*) AS n FROM "Child"`)).toEqual([{ n: 0 }]);
    });
  });

  it("explains a bad URL and an unreachable database", async () => {
    await expect(migrate("mysql://localhost/x")).rejects.toThrow(/DATABASE_URL must start with file:/);
    if (testKind === "postgresql") {
      await expect(migrate("postgresql://nobody:secret@127.0.0.1:1/none")).rejects.toThrow(
        /cannot open the database postgresql:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none to migrate it/,
      );
    } else {
      await expect(migrate("file:/etc/hostname/not-a-dir/x.db")).rejects.toThrow(/cannot open the database file:/);
    }
  });
});
