// zod schemas of the rotation API. The uploaded value is accepted here, written to the staged Secret and never
// stored, logged or echoed.
import { z } from "zod";
import { namespaceParam, objectName } from "@/lib/http/schemas";
import { CHARSET_NAMES, MAX_LENGTH, MIN_LENGTH, ROTATION_KINDS } from "./kinds";

export const rotationId = z.string().min(1).max(64).regex(/^[a-z0-9]+$/, "must be a rotation id");

/** Largest value accepted for upload (Secrets are limited to 1 MiB in total). */
export const MAX_UPLOAD_BYTES = 64 * 1024;

export const rotationOptions = z.strictObject({
  length: z.number().int().min(MIN_LENGTH).max(MAX_LENGTH).optional(),
  charset: z.enum(CHARSET_NAMES).optional(),
  /** An uploaded new value instead of a generated one (where the kind allows it). */
  value: z.string().min(1).max(MAX_UPLOAD_BYTES).optional(),
  /** How long the backup Secret stays after success (then it is deleted). */
  backupGraceHours: z.number().int().min(1).max(24 * 90).optional(),
  /** How long one step may wait (rollouts, syncs, Jobs) before it fails. */
  timeoutMinutes: z.number().int().min(1).max(120).optional(),
});
export type RotationOptionsInput = z.infer<typeof rotationOptions>;

export const startRotationBody = z.strictObject({
  namespace: namespaceParam.refine((v) => v !== "_", "must be a namespace"),
  secret: objectName,
  kind: z.enum(ROTATION_KINDS, { error: () => `must be one of: ${ROTATION_KINDS.join(", ")}` }),
  key: z.string().min(1).max(253).regex(/^[-._a-zA-Z0-9]+$/, "must be a Secret data key").optional(),
  options: rotationOptions.optional(),
});
export type StartRotationBody = z.infer<typeof startRotationBody>;

export const rotationListQuery = z.strictObject({
  cluster: z.string().min(1).max(253).optional(),
  namespace: z.string().max(63).optional(),
  secret: z.string().max(253).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const secretsQuery = z.strictObject({ namespace: z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).optional() });
