// Short-lived locks in the database, so that several replicas of the app serialise the same work (one action on
// one object, one rotation start per Secret). A lease is a row: whoever holds an unexpired row for the key owns
// it; an expired row (a holder that died) is taken over. Each acquisition has its own owner id, so releasing can
// never drop a lease somebody else took over.
import { randomBytes } from "node:crypto";
import { getDb } from "./client";

export interface LeaseOptions {
  /** How long the lease holds without release (covers a holder that dies). */
  ttlMs?: number;
  /** How long to wait for a held lease before giving up. */
  waitMs?: number;
  pollMs?: number;
}

export class LeaseBusyError extends Error {
  constructor(readonly key: string) {
    super(`lease ${key} is held elsewhere`);
  }
}

const isUniqueViolation = (err: unknown) => (err as { code?: unknown } | null)?.code === "P2002";

/** Takes the lease when it is free or expired; false when somebody else holds it. */
export async function tryAcquireLease(key: string, owner: string, ttlMs: number): Promise<boolean> {
  const db = await getDb();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.lease.updateMany({ where: { key, OR: [{ expiresAt: { lt: now } }, { owner }] }, data: { owner, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.lease.create({ data: { key, owner, expiresAt } });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function releaseLease(key: string, owner: string): Promise<void> {
  const db = await getDb();
  await db.lease.deleteMany({ where: { key, owner } });
}

/** Runs `fn` while holding the lease `key`, waiting for it up to `waitMs` (then LeaseBusyError). */
export async function withLease<T>(key: string, fn: () => Promise<T>, opts: LeaseOptions = {}): Promise<T> {
  const ttlMs = opts.ttlMs ?? 60_000;
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  const pollMs = opts.pollMs ?? 50;
  const owner = `${process.pid}-${randomBytes(6).toString("hex")}`;
  while (!(await tryAcquireLease(key, owner, ttlMs))) {
    if (Date.now() >= deadline) throw new LeaseBusyError(key);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  try {
    return await fn();
  } finally {
    await releaseLease(key, owner);
  }
}

/** Removes leases that expired before `before` (housekeeping: a holder that died leaves its row behind). */
export async function deleteLeasesExpiredBefore(before: Date): Promise<number> {
  const db = await getDb();
  return (await db.lease.deleteMany({ where: { expiresAt: { lt: before } } })).count;
}
