import { describe, expect, it } from "vitest";
import { dataMigrationChecksum, withDataMigrationNames, type DataMigration } from "./data-migrations";
import { isoOf } from "./redact-checklist-migration";

const noop = (name: string, after: string): DataMigration => ({
  name,
  after,
  description: name,
  run: async () => undefined,
});

describe("withDataMigrationNames", () => {
  it.each([
    [
      ["0001_init", "0002_x", "0003_y"],
      [noop("data_0001_a", "0002_x")],
      ["0001_init", "0002_x", "data_0001_a", "0003_y"],
    ],
    [
      ["0001_init", "0002_x"],
      [noop("data_0001_a", "0002_x"), noop("data_0002_b", "0002_x")],
      ["0001_init", "0002_x", "data_0001_a", "data_0002_b"],
    ],
    // Its SQL migration is missing (a trimmed test copy): it still runs, last.
    [["0001_init"], [noop("data_0001_a", "0005_shared_limits")], ["0001_init", "data_0001_a"]],
  ])("%j + %j", (sql, data, expected) => {
    expect(withDataMigrationNames(sql, data)).toEqual(expected);
  });

  it("checksums are sha256 hex and change with the description", () => {
    const a = noop("data_0001_a", "0001_init");
    expect(dataMigrationChecksum(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(dataMigrationChecksum({ ...a, description: "other" })).not.toBe(dataMigrationChecksum(a));
  });
});

describe("isoOf: ChecklistRun.at as stored, back to Date#toISOString()", () => {
  it.each([
    ["2025-06-20T08:00:00.123+00:00", "2025-06-20T08:00:00.123Z"], // Prisma + libsql (SQLite)
    ["2025-06-20T08:00:00.123Z", "2025-06-20T08:00:00.123Z"], // PostgreSQL through to_char(…)
    ["2025-06-20 08:00:00", "2025-06-20T08:00:00.000Z"], // SQLite CURRENT_TIMESTAMP (UTC, no zone)
    [1750406400123, "2025-06-20T08:00:00.123Z"], // epoch milliseconds
  ])("%s", (stored, iso) => {
    expect(isoOf(stored)).toBe(iso);
  });
});
