// SQLite with two processes on one file (a second app instance, a migration): a connection made through
// lib/db/sqlite-adapter.ts waits for the other process's write lock (busy timeout) instead of failing with
// SQLITE_BUSY — also on the fresh connection libsql opens after an interactive transaction. A plain libsql client
// fails at once, which is what the adapter fixes. (Within one process Prisma's adapter serialises queries.)
import { createClient, type Client } from "@libsql/client";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withBusyTimeout } from "@/lib/db/sqlite-adapter";

let dir: string;
let url: string;
const clients: Client[] = [];
const open = (wrap: boolean) => {
  const c = createClient({ url });
  clients.push(c);
  return wrap ? withBusyTimeout(c, 3_000) : c;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fluxtower-busy-"));
  url = `file:${path.join(dir, "busy.db")}`;
  const c = open(false);
  await c.execute("PRAGMA journal_mode = WAL");
  await c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
});

afterAll(() => {
  for (const c of clients) c.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process takes the write lock and keeps it for `ms`; resolves once it holds it. */
function holdWriteLock(ms: number): Promise<void> {
  const script = `
    const { createClient } = require("@libsql/client");
    (async () => {
      const c = createClient({ url: process.argv[1] });
      const tx = await c.transaction("write");
      await tx.execute("INSERT INTO t (v) VALUES ('holder')");
      process.stdout.write("locked\\n");
      setTimeout(async () => { await tx.commit(); c.close(); }, Number(process.argv[2]));
    })();`;
  const child = spawn(process.execPath, ["-e", script, url, String(ms)], { cwd: path.resolve(__dirname, "../.."), stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

describe("SQLite busy timeout", () => {
  it("a plain client fails at once while another process writes", async () => {
    const plain = open(false);
    await holdWriteLock(300);
    await expect(plain.execute("INSERT INTO t (v) VALUES ('plain')")).rejects.toThrow(/SQLITE_BUSY|locked/i);
    await new Promise((r) => setTimeout(r, 400));
  });

  it("the adapter's client waits for the lock, also on the connection opened after a transaction", async () => {
    const waiting = open(true);
    await holdWriteLock(300);
    const started = Date.now();
    await waiting.execute("INSERT INTO t (v) VALUES ('first')");
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);

    const tx = await waiting.transaction("write");
    await tx.execute("INSERT INTO t (v) VALUES ('in-tx')");
    await tx.commit();
    await holdWriteLock(300);
    await waiting.execute("INSERT INTO t (v) VALUES ('after-tx')"); // a new connection: the pragma is sent again
    const rows = await waiting.execute("SELECT v FROM t WHERE v <> 'holder' ORDER BY id");
    expect(rows.rows.map((r) => r.v)).toEqual(["first", "in-tx", "after-tx"]);
  });
});
