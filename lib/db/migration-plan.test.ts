import { describe, expect, it } from "vitest";
import {
  MigrationModifiedError,
  migrationChecksum,
  migrationFile,
  nextMigrationName,
  orderMigrationFileNames,
  planMigrations,
} from "./migration-plan";

describe("orderMigrationFileNames", () => {
  it("sorts by number and strips .sql, ignoring non-SQL files", () => {
    expect(orderMigrationFileNames(["0010_b.sql", "README.md", "0002_add_x.sql", "0001_init.sql"])).toEqual([
      "0001_init",
      "0002_add_x",
      "0010_b",
    ]);
  });
  it.each(["1_init.sql", "0001-init.sql", "0001_Init.sql", "0001_.sql", "0001_a__b.sql", "00001_x.sql"])(
    "rejects the bad name %s",
    (name) => {
      expect(() => orderMigrationFileNames([name])).toThrow(/bad migration file name/);
    },
  );
  it("rejects two files with the same number", () => {
    expect(() => orderMigrationFileNames(["0002_a.sql", "0002_b.sql"])).toThrow(/share the number 0002/);
  });
  it("returns nothing for an empty directory", () => {
    expect(orderMigrationFileNames([])).toEqual([]);
  });
});

describe("migrationChecksum", () => {
  it("is sha256 hex of the text", () => {
    expect(migrationChecksum("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
  it("ignores CRLF vs LF but nothing else", () => {
    expect(migrationChecksum("a;\r\nb;\r\n")).toBe(migrationChecksum("a;\nb;\n"));
    expect(migrationChecksum("a;\n")).not.toBe(migrationChecksum("a; \n"));
  });
});

describe("planMigrations", () => {
  const one = migrationFile("0001_init", "CREATE TABLE a (x INT);");
  const two = migrationFile("0002_more", "CREATE TABLE b (x INT);");

  it("everything is pending on a fresh database", () => {
    expect(planMigrations([one, two], [])).toEqual({ pending: [one, two], unknown: [] });
  });
  it("nothing is pending once all are recorded", () => {
    const applied = [one, two].map(({ name, checksum }) => ({ name, checksum }));
    expect(planMigrations([one, two], applied)).toEqual({ pending: [], unknown: [] });
  });
  it("only the new file is pending", () => {
    expect(planMigrations([one, two], [{ name: one.name, checksum: one.checksum }]).pending).toEqual([two]);
  });
  it("refuses a file changed after it was applied, naming it", () => {
    const applied = [{ name: "0001_init", checksum: migrationChecksum("CREATE TABLE a (y INT);") }];
    expect(() => planMigrations([one, two], applied)).toThrow(MigrationModifiedError);
    expect(() => planMigrations([one, two], applied)).toThrow(/migration 0001_init was modified after it was applied/);
  });
  it("reports migrations recorded by a newer version without failing", () => {
    const applied = [one, two].map(({ name, checksum }) => ({ name, checksum }));
    expect(planMigrations([one], applied)).toEqual({ pending: [], unknown: ["0002_more"] });
  });
});

describe("nextMigrationName", () => {
  it("numbers from 0001 and continues after the highest", () => {
    expect(nextMigrationName([], "init")).toBe("0001_init");
    expect(nextMigrationName(["0001_init", "0007_x"], "add_checklists")).toBe("0008_add_checklists");
  });
  it.each(["Add", "add-x", "", "x__y", "_x"])("rejects the name %j", (name) => {
    expect(() => nextMigrationName([], name)).toThrow(/bad migration name/);
  });
});
