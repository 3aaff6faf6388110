// The committed migrations match the schema: fails when prisma/schema.prisma was changed without
// `npm run db:migration -- <name>`, or when the two providers' folders drifted apart.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { orderMigrationFileNames } from "./migration-plan";

const prisma = path.join(__dirname, "..", "..", "prisma");

describe("committed migrations", () => {
  it("were generated from the current prisma/schema.prisma", () => {
    const schema = readFileSync(path.join(prisma, "schema.prisma"), "utf8");
    const snapshot = readFileSync(path.join(prisma, "migrations", "schema.snapshot.prisma"), "utf8");
    expect(snapshot === schema, "prisma/schema.prisma changed: run `npm run db:migration -- <name>`").toBe(true);
  });

  it("exist under the same names for SQLite and PostgreSQL", () => {
    const sqlite = orderMigrationFileNames(readdirSync(path.join(prisma, "migrations", "sqlite")));
    const postgresql = orderMigrationFileNames(readdirSync(path.join(prisma, "migrations", "postgresql")));
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgresql).toEqual(sqlite);
    expect(sqlite[0]).toBe("0001_init");
  });
});
