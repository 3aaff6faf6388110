// Started by bench.sh before the app: polls <url>/api/readyz every 50 ms and writes, in epoch ms, when the app
// first answered at all and when it first answered 200 (every cluster cache synced).
// Usage: npx tsx scripts/bench/wait-ready.ts <app url> <output file> [timeout seconds]
import fs from "node:fs";
import { request } from "./http-client";

async function main(): Promise<void> {
  const [url, out, timeoutArg] = process.argv.slice(2);
  if (!url || !out) throw new Error("usage: wait-ready.ts <app url> <output file> [timeout seconds]");
  const deadline = Date.now() + Number(timeoutArg ?? "900") * 1000;
  let firstResponseAt: number | undefined;
  let lastStatus = 0;
  while (Date.now() < deadline) {
    const sentAt = Date.now();
    try {
      const res = await request(`${url}/api/readyz`, { timeoutMs: 5000 });
      lastStatus = res.status;
      firstResponseAt ??= sentAt;
      if (res.status === 200) {
        fs.writeFileSync(out, JSON.stringify({ firstResponseAt, readyAt: Date.now() }));
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  fs.writeFileSync(out, JSON.stringify({ firstResponseAt, readyAt: null, lastStatus }));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
