// Issue 18, fix 4: migration 0006 gives every API token an expiry. A token created without one ("never") gets
// the migration time + 30 days — not its creation + 30 days, which would end every older token the moment the new
// version starts and break CI jobs without warning; the idle rule (FLUXTOWER_TOKEN_IDLE_DAYS) already stops the
// tokens of people who no longer sign in. A token set to expire more than 365 days after the migration is
// shortened to 365 days. Each user's latest sign-in starts as their lastSeenAt (only sign-ins wrote that column).
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createTestDatabase, testKind, type TestDatabase } from "./db-test-database";

const DAY = 86_400_000;
const committedRoot = path.join(process.cwd(), "prisma", "migrations");
let scratch: string;
let database: TestDatabase;

/** The committed migrations before 0006. */
function migrationsBefore0006(): string {
  const root = mkdtempSync(path.join(scratch, "migrations-"));
  cpSync(committedRoot, root, { recursive: true });
  for (const kind of ["sqlite", "postgresql"]) {
    for (const file of readdirSync(path.join(root, kind))) if (file >= "0006") rmSync(path.join(root, kind, file));
  }
  return root;
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const ms = (value: unknown) => (value instanceof Date ? value.getTime() : Date.parse(String(value)));

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), "fluxtower-token-migration-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe(`migration 0006 on ${testKind}`, () => {
  it("gives tokens without an expiry one, caps expiries past a year, and starts the idle clock at lastSeenAt", async () => {
    await migrate(database.url, { migrationsRoot: migrationsBefore0006() });
    const created = Date.now() - 400 * DAY;
    const seen = Date.now() - 3 * DAY;
    await database.query(
      `INSERT INTO "User" ("id", "subject", "name", "role", "groups", "createdAt", "lastSeenAt") VALUES ('u1', 'demo:operator', 'operator', 'operator', '[]', '${iso(created)}', '${iso(seen)}')`,
    );
    const token = (id: string, expiresAt: string) =>
      database.query(
        `INSERT INTO "ApiToken" ("id", "userId", "name", "tokenHash", "prefix", "createdAt", "expiresAt") VALUES ('${id}', 'u1', '${id}', 'hash-${id}', 'ft_${id}', '${iso(created)}', ${expiresAt})`,
      );
    await token("never", "NULL");
    await token("decade", `'${iso(Date.now() + 3650 * DAY)}'`);
    await token("month", `'${iso(Date.now() + 20 * DAY)}'`);

    const before = Date.now();
    const result = await migrate(database.url);
    const after = Date.now();
    expect(result.applied.some((n) => n.startsWith("0006_"))).toBe(true);

    const rows = await database.query(`SELECT "id", "expiresAt" FROM "ApiToken" ORDER BY "id"`);
    const expiry = Object.fromEntries(rows.map((r) => [String(r.id), ms(r.expiresAt)]));
    // 1 s slack: the database clock is read during the migration, ours around it.
    expect(expiry.never).toBeGreaterThanOrEqual(before + 30 * DAY - 1000);
    expect(expiry.never).toBeLessThanOrEqual(after + 30 * DAY + 1000);
    expect(expiry.decade).toBeGreaterThanOrEqual(before + 365 * DAY - 1000);
    expect(expiry.decade).toBeLessThanOrEqual(after + 365 * DAY + 1000);
    expect(Math.abs(expiry.month - (Date.now() + 20 * DAY))).toBeLessThan(60_000);

    const users = await database.query(`SELECT "lastSignInAt" FROM "User" WHERE "id" = 'u1'`);
    expect(ms(users[0].lastSignInAt)).toBe(Math.floor(seen));

    // and from now on a token cannot be stored without an expiry
    await expect(token("again-never", "NULL")).rejects.toThrow(/expiresAt|NOT NULL|null value/i);
  });
});
