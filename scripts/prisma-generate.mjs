// postinstall: generates the two Prisma clients (lib/db/generated/{sqlite,postgresql}, gitignored).
//  1. prisma/schema.prisma (SQLite) is the single source; the PostgreSQL schema is derived from it
//     into prisma/generated/schema.postgresql.prisma (prisma/derive-postgresql-schema.ts).
//  2. `prisma generate` once per provider config. Offline: prisma/*.config.ts select engine "js"
//     with a driver adapter, so the CLI never downloads a native engine.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

if (!existsSync("prisma/schema.prisma")) process.exit(0);

const require = createRequire(import.meta.url);
let prismaCli;
try {
  const manifest = require.resolve("prisma/package.json");
  prismaCli = path.join(path.dirname(manifest), JSON.parse(readFileSync(manifest, "utf8")).bin.prisma);
} catch (error) {
  console.error(`prisma-generate: the prisma CLI is not installed (npm install, with devDependencies): ${error}`);
  process.exit(1);
}

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
execFileSync(process.execPath, ["--import", "tsx", "prisma/derive-postgresql-schema.ts"], { stdio: "inherit", env });

function generate(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, "generate", "--config", config], { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`prisma generate --config ${config} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

try {
  await Promise.all(["prisma/sqlite.config.ts", "prisma/postgresql.config.ts"].map(generate));
} catch (error) {
  console.error(`prisma-generate: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
