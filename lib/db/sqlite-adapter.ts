// The Prisma adapter for SQLite (libsql) with a busy timeout on every connection. Without one, a write that meets
// another connection's write lock fails at once (SQLITE_BUSY, which Prisma reports as "Operation has timed out"):
// between two processes on one file (a second instance, a migration), and within one process, because libsql
// opens a new connection after each interactive transaction. The pragma is per connection, so it is sent again
// on the first use after each transaction.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import type { Client, Config } from "@libsql/client";

export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

const FORWARDED = new Set(["execute", "batch", "executeMultiple", "migrate"]);

export function withBusyTimeout(client: Client, ms = SQLITE_BUSY_TIMEOUT_MS): Client {
  let fresh = true;
  const ensure = async () => {
    if (!fresh) return;
    fresh = false;
    await client.execute(`PRAGMA busy_timeout = ${Math.trunc(ms)}`);
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop === "transaction") {
        return async (...args: unknown[]) => {
          await ensure();
          const tx = await fn.apply(target, args);
          fresh = true; // libsql hands this connection to the transaction and opens a new one on next use
          return tx;
        };
      }
      if (typeof prop === "string" && FORWARDED.has(prop)) {
        return async (...args: unknown[]) => {
          await ensure();
          return fn.apply(target, args);
        };
      }
      return fn.bind(target);
    },
  });
}

/** PrismaLibSQL whose clients wait for locks instead of failing. */
export class BusyTolerantLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return withBusyTimeout(super.createClient(config));
  }
}
