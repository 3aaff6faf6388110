// Periodic clean-up of the shared-limit tables: rate windows and leases older than an hour are of no use to anyone.
import { deleteLeasesExpiredBefore } from "./leases";
import { deleteWindowsBefore } from "./rate-windows";

const EVERY_MS = 10 * 60_000;
const KEEP_MS = 60 * 60_000;

export async function sweepSharedLimits(now = Date.now()): Promise<{ windows: number; leases: number }> {
  const before = new Date(now - KEEP_MS);
  return { windows: await deleteWindowsBefore(before), leases: await deleteLeasesExpiredBefore(before) };
}

/** Starts the sweep in this process (every replica may run it; the deletes are idempotent). */
export function startHousekeeping(onError: (err: unknown) => void): void {
  const holder = globalThis as unknown as { fluxtowerHousekeeping?: boolean };
  if (holder.fluxtowerHousekeeping) return;
  holder.fluxtowerHousekeeping = true;
  setInterval(() => void sweepSharedLimits().catch(onError), EVERY_MS).unref?.();
}
