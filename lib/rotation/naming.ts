// Names and labels of the objects a rotation creates in the cluster. Pure.
import { createHash, randomBytes } from "node:crypto";
import { BACKUP_OF_LABEL, ROTATION_ID_LABEL, STAGED_FOR_LABEL } from "./kinds";

/** A new rotation id: lowercase letters and digits, time-ordered prefix, random tail (the tail names its Secrets). */
export function newRotationId(now = Date.now()): string {
  return `r${now.toString(36)}${randomBytes(8).toString("hex")}`;
}

/** The last 8 characters of the rotation id (cuids are lowercase alphanumerics). */
export function shortId(rotationId: string): string {
  return rotationId.slice(-8).toLowerCase();
}

/** A DNS-1123 label (≤ 63 characters) made of `base` and `suffix`, shortening `base` with a hash when needed. */
export function childName(base: string, suffix: string, max = 63): string {
  const full = `${base}-${suffix}`;
  if (full.length <= max) return full;
  const hash = createHash("sha256").update(base).digest("hex").slice(0, 6);
  const room = max - suffix.length - hash.length - 2;
  return `${base.slice(0, room).replace(/[-.]+$/, "")}-${hash}-${suffix}`;
}

export function backupName(secret: string, rotationId: string): string {
  return childName(secret, `backup-${shortId(rotationId)}`, 253);
}

export function stagedName(secret: string, rotationId: string): string {
  return childName(secret, `rotation-${shortId(rotationId)}`, 253);
}

export function jobName(base: string, what: string, rotationId: string): string {
  return childName(base, `${what}-${shortId(rotationId)}`);
}

/** A label value (≤ 63 characters): the name itself, or a shortened form with a hash. */
export function labelValue(name: string): string {
  return childName(name, "", 63).replace(/-$/, "").slice(0, 63);
}

export function backupLabels(secret: string, rotationId: string): Record<string, string> {
  return { [BACKUP_OF_LABEL]: labelValue(secret), [ROTATION_ID_LABEL]: rotationId, "app.kubernetes.io/managed-by": "fluxtower" };
}

export function stagedLabels(secret: string, rotationId: string): Record<string, string> {
  return { [STAGED_FOR_LABEL]: labelValue(secret), [ROTATION_ID_LABEL]: rotationId, "app.kubernetes.io/managed-by": "fluxtower" };
}
