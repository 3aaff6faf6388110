// The rotation worker of this process, started at server start (lib/server-start.ts → startRotationWorker()):
//  - resumes unfinished rotations right away and adopts any whose driver died (lease expired) every few seconds;
//    each resumes at its current step (steps are idempotent) or continues the rollback it was in;
//  - deletes backup Secrets whose grace period is over (as the user who rotated, impersonated).
// In read-only mode both pause (paused.ts): nothing is resumed, adopted or deleted, and the rotation view says so.
import "server-only";
import { logger } from "@/lib/log/logger";
import { auditRotation } from "./audit";
import { deleteSecret } from "./kube";
import { ownerIsDead } from "./lease-owner";
import { READ_ONLY_PAUSE, rotationsPaused } from "./paused";
import { drive, isDriving, LEASE_OWNER } from "./runner";
import { expiredBackups, takeOverLease, unfinishedRotations, updateRotation } from "./store";

const SWEEP_MS = 5_000;
// One indexed query; often enough that an expired backup goes within a quarter minute.
const BACKUP_SWEEP_MS = 15_000;

const holder = globalThis as unknown as { fluxtowerRotationWorker?: boolean; fluxtowerRotationPauseLogged?: boolean };
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** True (and logged once) while read-only mode pauses the worker. */
function paused(): boolean {
  if (!rotationsPaused()) return false;
  if (!holder.fluxtowerRotationPauseLogged) logger.warn(`rotation worker ${READ_ONLY_PAUSE}: no rotation is resumed or adopted and no backup Secret is deleted`);
  holder.fluxtowerRotationPauseLogged = true;
  return true;
}

async function adoptOrphans(): Promise<void> {
  if (paused()) return;
  const adopted: string[] = [];
  for (const r of await unfinishedRotations(new Date())) {
    if (isDriving(r.id)) continue;
    if (r.leaseOwner && r.leaseOwner !== LEASE_OWNER) {
      if (!ownerIsDead(r.leaseOwner, LEASE_OWNER) || !(await takeOverLease(r.id, r.leaseOwner, LEASE_OWNER, new Date(Date.now() + 20_000)))) continue;
    }
    drive(r.id);
    adopted.push(r.id);
  }
  if (adopted.length) logger.info({ rotations: adopted }, "resuming unfinished rotations");
}

async function deleteExpiredBackups(): Promise<void> {
  if (paused()) return;
  for (const r of await expiredBackups(new Date())) {
    if (!r.backupSecret) continue;
    try {
      await deleteSecret(r.cluster, { user: r.kubeUser, groups: r.groups }, r.namespace, r.backupSecret);
      await updateRotation(r.id, { backupDeletedAt: new Date() });
      await auditRotation({ requestId: r.requestId, actor: r.createdBy, actorSubject: r.createdBySubject, groups: r.groups, action: "rotation.backup-deleted", cluster: r.cluster, namespace: r.namespace, secret: r.secret, outcome: "success", message: `grace period over: backup Secret ${r.backupSecret} deleted`, detail: { rotationId: r.id } });
    } catch (err) {
      logger.warn({ rotation: r.id, err: errorText(err) }, "could not delete an expired rotation backup; retrying later");
    }
  }
}

/** Starts the worker once per process (idempotent). */
export function startRotationWorker(): void {
  if (holder.fluxtowerRotationWorker) return;
  holder.fluxtowerRotationWorker = true;
  const sweep = () => void adoptOrphans().catch((err: unknown) => logger.error({ err: errorText(err) }, "could not resume rotations"));
  const backups = () => void deleteExpiredBackups().catch((err: unknown) => logger.error({ err: errorText(err) }, "could not sweep rotation backups"));
  sweep();
  setInterval(sweep, SWEEP_MS).unref?.();
  setInterval(backups, BACKUP_SWEEP_MS).unref?.();
}
