// Prisma CLI config for SQLite: `prisma generate` (postinstall) and `prisma migrate diff`
// (scripts/db-make-migration.ts). engine "js" + a driver adapter keep the CLI offline: no native
// engine is downloaded. The CLI never touches a real database; migrations are SQL files applied
// by lib/db/migrate.ts, so the adapter opens an in-memory database.
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Relative to this file.
  schema: "schema.prisma",
  async adapter() {
    return new PrismaLibSQL({ url: "file::memory:" });
  },
});
