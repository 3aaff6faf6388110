// Derives the PostgreSQL Prisma schema from the single source schema (prisma/schema.prisma, SQLite).
// Pure text transformation: only the datasource block and the client output path differ.

export const GENERATED_HEADER =
  "// GENERATED from prisma/schema.prisma by lib/db/schema-variants.ts. Do not edit: edit the source.\n";

/** URLs in the schemas are placeholders: the CLI talks to databases through prisma/*.config.ts adapters. */
const POSTGRESQL_DATASOURCE = `datasource db {
  provider = "postgresql"
  url      = "postgresql://unused-by-the-cli@127.0.0.1/unused"
}`;

const DATASOURCE_BLOCK = /^datasource\s+db\s*\{[^}]*\}/gm;
const OUTPUT_LINE = /^(\s*output\s*=\s*)"[^"]*"/gm;

/** Field types and attributes that behave differently on SQLite and PostgreSQL, or exist on one only. */
const NOT_PORTABLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/@db\.\w+/, "native type attributes (@db.*)"],
  [/^\s*\w+\s+(Json|Bytes|Decimal|Unsupported)\b/m, "Json/Bytes/Decimal/Unsupported fields (store JSON as String)"],
];

export interface PostgresqlSchemaOptions {
  /** Generator `output`, relative to the derived schema file. */
  clientOutput: string;
}

/** Throws if the source uses something that would make the two databases behave differently. */
export function assertPortableSchema(source: string): void {
  for (const [pattern, what] of NOT_PORTABLE) {
    const found = pattern.exec(source);
    if (found) {
      throw new Error(
        `prisma/schema.prisma must stay portable between SQLite and PostgreSQL: ${what} found: ${found[0].trim()}`,
      );
    }
  }
}

export function derivePostgresqlSchema(source: string, options: PostgresqlSchemaOptions): string {
  assertPortableSchema(source);
  const datasources = source.match(DATASOURCE_BLOCK) ?? [];
  if (datasources.length !== 1 || !/provider\s*=\s*"sqlite"/.test(datasources[0])) {
    throw new Error('the source schema must have exactly one `datasource db { provider = "sqlite" … }` block');
  }
  const outputs = source.match(OUTPUT_LINE) ?? [];
  if (outputs.length !== 1) throw new Error("the source schema must have exactly one generator with an `output`");
  const derived = source
    .replace(DATASOURCE_BLOCK, POSTGRESQL_DATASOURCE)
    .replace(OUTPUT_LINE, (_line, prefix: string) => `${prefix}${JSON.stringify(options.clientOutput)}`);
  return GENERATED_HEADER + derived;
}
