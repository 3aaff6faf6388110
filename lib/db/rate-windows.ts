// Fixed-window counters in the database, shared by every replica (lib/auth/rate-limit.ts decides what they mean).
// A hit adds one to the current window of `id` or starts a new one; two replicas starting a window at the same
// moment may lose one count, which a limit can afford.
import { getDb } from "./client";

export interface WindowState {
  start: Date;
  count: number;
}

/** Counts one hit and returns the window it landed in. */
export async function hitWindow(id: string, windowMs: number, now = new Date()): Promise<WindowState> {
  const db = await getDb();
  const since = new Date(now.getTime() - windowMs);
  const bumped = await db.rateWindow.updateMany({ where: { id, start: { gt: since } }, data: { count: { increment: 1 } } });
  if (bumped.count === 0) {
    await db.rateWindow.upsert({ where: { id }, create: { id, start: now, count: 1 }, update: { start: now, count: 1 } });
  }
  const row = await db.rateWindow.findUnique({ where: { id } });
  return row ? { start: row.start, count: row.count } : { start: now, count: 1 };
}

/** The current window of `id` (undefined when there is none or it is over). */
export async function currentWindow(id: string, windowMs: number, now = new Date()): Promise<WindowState | undefined> {
  const db = await getDb();
  const row = await db.rateWindow.findUnique({ where: { id } });
  if (!row || now.getTime() - row.start.getTime() >= windowMs) return undefined;
  return { start: row.start, count: row.count };
}

/** Removes windows that ended before `before` (housekeeping). */
export async function deleteWindowsBefore(before: Date): Promise<number> {
  const db = await getDb();
  return (await db.rateWindow.deleteMany({ where: { start: { lt: before } } })).count;
}
