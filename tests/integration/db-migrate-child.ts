// Child process for the cross-process test in db-migrate.test.ts:
//   node --import tsx tests/integration/db-migrate-child.ts <databaseUrl> <migrationsRoot>
// Prints "ready" once loaded, calls migrate() when its stdin receives a line (so all children start
// together), then prints the result as one JSON line.
import { createInterface } from "node:readline";
import { migrate } from "../../lib/db/migrate";

async function main(): Promise<void> {
  const [url, migrationsRoot] = process.argv.slice(2);
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.once("line", () => resolve()));
  process.stdout.write("ready\n");
  await go;
  lines.close();
  const result = await migrate(url, { migrationsRoot });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
