// Prisma CLI config for PostgreSQL: `prisma generate` (postinstall) and `prisma migrate diff`
// (scripts/db-make-migration.ts). engine "js" + a driver adapter keep the CLI offline.
// The schema is derived from prisma/schema.prisma (prisma/derive-postgresql-schema.ts).
// `migrate diff` connects once (a version query) even schema-to-schema, so it needs DATABASE_URL
// pointing at a PostgreSQL server; scripts/db-make-migration.ts provides one. Do not use
// `migrate deploy/dev` or `db push` here: they fail on adapter-pg 6.x (prisma/orm#27403).
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Relative to this file.
  schema: "generated/schema.postgresql.prisma",
  async adapter() {
    const url = process.env.DATABASE_URL ?? "";
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        "prisma/postgresql.config.ts: set DATABASE_URL to a postgresql:// URL (or run under scripts/with-postgres.sh)",
      );
    }
    // allowExitOnIdle: otherwise the idle pool keeps the CLI alive for 10 s after it finished.
    return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  },
});
