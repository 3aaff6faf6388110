import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assertPortableSchema, derivePostgresqlSchema, GENERATED_HEADER } from "./schema-variants";

const source = `generator client {
  provider   = "prisma-client"
  output     = "../lib/db/generated/sqlite"
  engineType = "client"
}

datasource db {
  provider = "sqlite"
  url      = "file:./x.db"
}

model A {
  id   String @id
  data String @default("{}")
}
`;

describe("derivePostgresqlSchema", () => {
  it("swaps the datasource and the client output, keeping the models verbatim", () => {
    const derived = derivePostgresqlSchema(source, { clientOutput: "../../lib/db/generated/postgresql" });
    expect(derived.startsWith(GENERATED_HEADER)).toBe(true);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).not.toContain('"sqlite"');
    expect(derived).toContain('output     = "../../lib/db/generated/postgresql"');
    expect(derived).toContain('engineType = "client"');
    expect(derived.slice(derived.indexOf("model A"))).toBe(source.slice(source.indexOf("model A")));
  });

  it("refuses a schema without a sqlite datasource", () => {
    const pg = source.replace('"sqlite"', '"postgresql"');
    expect(() => derivePostgresqlSchema(pg, { clientOutput: "x" })).toThrow(/exactly one `datasource db/);
  });

  it("works on the real source schema", () => {
    const real = readFileSync(path.join(__dirname, "..", "..", "prisma", "schema.prisma"), "utf8");
    expect(derivePostgresqlSchema(real, { clientOutput: "x" })).toContain("model AuditEvent {");
  });
});

describe("assertPortableSchema", () => {
  it.each([
    ["  meta Json?", /Json\/Bytes/],
    ["  amount Decimal", /Json\/Bytes/],
    ["  name String @db.VarChar(20)", /native type/],
  ])("rejects %j", (field, message) => {
    expect(() => assertPortableSchema(`model A {\n  id String @id\n${field}\n}`)).toThrow(message);
  });
  it("accepts String, Boolean, Int and DateTime fields", () => {
    expect(() =>
      assertPortableSchema("model A {\n  id String @id\n  ok Boolean\n  n Int\n  at DateTime @default(now())\n}"),
    ).not.toThrow();
  });
});
