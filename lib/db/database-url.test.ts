import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseKind, defaultDatabaseUrl, describeUrl, resolveDatabaseUrl, sqliteFilePath } from "./database-url";

describe("databaseKind", () => {
  it.each([
    ["file:/tmp/x.db", "sqlite"],
    ["file:./.data/fluxtower.db", "sqlite"],
    ["FILE:x.db", "sqlite"],
    ["postgres://u:p@127.0.0.1:5432/db", "postgresql"],
    ["postgresql://u@localhost/db?sslmode=require", "postgresql"],
  ] as const)("%s → %s", (url, kind) => {
    expect(databaseKind(url)).toBe(kind);
  });

  it.each(["mysql://u:secret@h/db", "sqlite:x.db", "", "/tmp/x.db"])("rejects %j without leaking passwords", (url) => {
    expect(() => databaseKind(url)).toThrow(/DATABASE_URL must start with file:/);
    try {
      databaseKind(url);
    } catch (error) {
      expect(String(error)).not.toContain("secret");
    }
  });
});

describe("resolveDatabaseUrl", () => {
  it("defaults to .data/fluxtower.db under the working directory", () => {
    expect(resolveDatabaseUrl({}, "/srv/app")).toBe(`file:${path.join("/srv/app", ".data", "fluxtower.db")}`);
    expect(resolveDatabaseUrl({ DATABASE_URL: "  " }, "/srv/app")).toBe(defaultDatabaseUrl("/srv/app"));
  });
  it("uses DATABASE_URL when set", () => {
    expect(resolveDatabaseUrl({ DATABASE_URL: " postgres://h/db " }, "/srv")).toBe("postgres://h/db");
  });
});

describe("sqliteFilePath", () => {
  it.each([
    ["file:/abs/x.db", "/abs/x.db"],
    ["file:///abs/x.db", "/abs/x.db"],
    ["file:rel/x.db", "/cwd/rel/x.db"],
    ["file:./rel/x.db?mode=rwc", "/cwd/rel/x.db"],
    ["file:/a%20b/x.db", "/a b/x.db"],
  ])("%s → %s", (url, file) => {
    expect(sqliteFilePath(url, "/cwd")).toBe(file);
  });
  it("returns null for in-memory databases", () => {
    expect(sqliteFilePath("file::memory:", "/cwd")).toBeNull();
  });
  it("refuses PostgreSQL URLs", () => {
    expect(() => sqliteFilePath("postgres://h/db", "/cwd")).toThrow(/not a SQLite URL/);
  });
});

describe("describeUrl", () => {
  it("masks the password", () => {
    expect(describeUrl("postgresql://fluxtower:s3cr3t@db:5432/x")).toBe("postgresql://fluxtower:***@db:5432/x");
    expect(describeUrl("file:/tmp/x.db")).toBe("file:/tmp/x.db");
  });
});
