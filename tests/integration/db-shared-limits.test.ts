// Leases and rate windows — what lets several replicas share locks and limits — on a fresh database (SQLite by
// default, PostgreSQL under scripts/with-postgres.sh), through the same functions the app uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { sweepSharedLimits } from "@/lib/db/housekeeping";
import { LeaseBusyError, releaseLease, tryAcquireLease, withLease } from "@/lib/db/leases";
import { currentWindow, hitWindow } from "@/lib/db/rate-windows";
import { createTestDatabase, testKind, type TestDatabase } from "./db-test-database";

let database: TestDatabase;
const savedUrl = process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  database = await createTestDatabase();
  await closeDb();
  process.env.DATABASE_URL = database.url;
  await getDb();
});

afterAll(async () => {
  await closeDb();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await database.drop();
});

describe(`leases on ${testKind}`, () => {
  it("one holder at a time; the holder may renew; an expired lease is taken over; a stale release drops nothing", async () => {
    // TTLs of seconds, not milliseconds: a loaded CI machine can take a few hundred ms per database round trip.
    expect(await tryAcquireLease("k1", "replica-a", 3_000)).toBe(true);
    expect(await tryAcquireLease("k1", "replica-b", 3_000)).toBe(false);
    expect(await tryAcquireLease("k1", "replica-a", 3_000)).toBe(true);
    await sleep(3_100);
    expect(await tryAcquireLease("k1", "replica-b", 60_000)).toBe(true);
    await releaseLease("k1", "replica-a"); // a late release of the dead holder
    expect(await tryAcquireLease("k1", "replica-c", 60_000)).toBe(false);
    await releaseLease("k1", "replica-b");
    expect(await tryAcquireLease("k1", "replica-c", 60_000)).toBe(true);
  });

  it("withLease runs concurrent holders one after another, each exactly once", async () => {
    let inside = 0;
    let most = 0;
    const ran: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withLease("k2", async () => {
          inside += 1;
          most = Math.max(most, inside);
          await sleep(20);
          ran.push(i);
          inside -= 1;
        }, { pollMs: 10 }),
      ),
    );
    expect(most).toBe(1);
    expect(ran.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("gives up with LeaseBusyError when the lease stays held", async () => {
    expect(await tryAcquireLease("k3", "someone-else", 60_000)).toBe(true);
    await expect(withLease("k3", async () => "never", { waitMs: 200, pollMs: 20 })).rejects.toBeInstanceOf(LeaseBusyError);
  });
});

describe(`rate windows on ${testKind}`, () => {
  it("counts every hit of a window, parallel ones included, and starts a new window when it ends", async () => {
    expect((await hitWindow("w1", 400)).count).toBe(1);
    const counts = await Promise.all(Array.from({ length: 19 }, () => hitWindow("w1", 400)));
    expect(Math.max(...counts.map((c) => c.count))).toBe(20);
    expect((await currentWindow("w1", 400))?.count).toBe(20);
    await sleep(450);
    expect(await currentWindow("w1", 400)).toBeUndefined();
    expect((await hitWindow("w1", 400)).count).toBe(1);
  });

  it("housekeeping removes windows and leases older than an hour, and nothing newer", async () => {
    await hitWindow("w-old", 60_000, new Date(Date.now() - 2 * 3_600_000));
    await hitWindow("w-new", 60_000);
    expect(await tryAcquireLease("k-old", "x", -2 * 3_600_000)).toBe(true);
    const swept = await sweepSharedLimits();
    expect(swept.windows).toBeGreaterThanOrEqual(1);
    expect(swept.leases).toBeGreaterThanOrEqual(1);
    expect(await currentWindow("w-new", 60_000)).toBeDefined();
    expect(await tryAcquireLease("k-old", "y", 60_000)).toBe(true);
  });
});
