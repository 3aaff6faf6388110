// The lock around starting an action (or a rotation) on one object, across every replica: first the in-process
// queue (requests of this replica run in arrival order without polling), then a database lease other replicas
// respect (lib/db/leases.ts). Inside it a request sees the operations already in flight and joins or refuses.
import "server-only";
import { LeaseBusyError, withLease } from "@/lib/db/leases";
import { AppError } from "@/lib/http/errors";
import { KeyedMutex } from "./lock";

/** Longer than any start (a patch and a few rows); a replica that dies holding it frees it after this. */
const LEASE_TTL_MS = 60_000;
const WAIT_MS = 30_000;

export class TargetLocks {
  private readonly local = new KeyedMutex();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      try {
        return await withLease(`target|${key}`, fn, { ttlMs: LEASE_TTL_MS, waitMs: WAIT_MS });
      } catch (err) {
        if (err instanceof LeaseBusyError) throw new AppError("unavailable", "Another request on this object is still being handled elsewhere; try again in a moment", { "retry-after": "5" });
        throw err;
      }
    });
  }
}

const holder = globalThis as unknown as { fluxtowerTargetLocks?: TargetLocks };

/** The process-wide locks of action and rotation targets. */
export function targetLocks(): TargetLocks {
  holder.fluxtowerTargetLocks ??= new TargetLocks();
  return holder.fluxtowerTargetLocks;
}
