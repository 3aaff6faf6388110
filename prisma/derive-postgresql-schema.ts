// Writes prisma/generated/schema.postgresql.prisma from prisma/schema.prisma (the single source).
// Run by scripts/prisma-generate.mjs (postinstall) before `prisma generate`; the output is gitignored.
//   node --import tsx prisma/derive-postgresql-schema.ts
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { derivePostgresqlSchema } from "../lib/db/schema-variants";

const source = path.join("prisma", "schema.prisma");
const target = path.join("prisma", "generated", "schema.postgresql.prisma");

mkdirSync(path.dirname(target), { recursive: true });
// The client output is relative to the derived file's folder.
writeFileSync(
  target,
  derivePostgresqlSchema(readFileSync(source, "utf8"), { clientOutput: "../../lib/db/generated/postgresql" }),
);
