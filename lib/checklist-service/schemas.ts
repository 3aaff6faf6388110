// zod schemas of the checklist routes (path, query and bodies). Unknown body fields are refused.
import { z } from "zod";
import { clusterId, objectName } from "@/lib/http/schemas";

const namespace = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a valid namespace");
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id");
const checkId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9.-]+$/, "must be a checklist item id such as ha.scheduler-replicas");
const time = z.iso.datetime({ offset: true, error: "must be an ISO 8601 time such as 2026-01-31T00:00:00Z" });

export const clusterParams = z.object({ cluster: clusterId });
export const releaseParams = z.object({ cluster: clusterId, namespace, release: objectName });
export const reviewParams = releaseParams.extend({ id });
export const waiverParams = releaseParams.extend({ id });

export const attestationBody = z.strictObject({
  checkId,
  fields: z
    .record(z.string().min(1).max(64), z.string().max(2000))
    .refine((f) => Object.keys(f).length <= 30, "at most 30 fields"),
  links: z.array(z.string().max(2000)).max(20).optional(),
  /** Default: 90 days from now; at most 366 days. */
  expiresAt: time.optional(),
});

export const waiverBody = z.strictObject({
  checkId,
  reason: z.string().trim().min(1, "reason is required").max(2000),
  ticketUrl: z.string().trim().max(2000).optional(),
  /** Mandatory: a waiver always expires. */
  expiresAt: time,
});

export const reviewBody = z.strictObject({ comment: z.string().trim().max(4000).optional() });
export const approveBody = z.strictObject({ comment: z.string().trim().max(4000).optional() });
export const rejectBody = z.strictObject({
  comment: z.string().trim().min(1, "say why the review is rejected").max(4000),
});

export const historyQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
export const streamQuery = z.object({ namespace: namespace.optional(), release: objectName.optional() });

export type AttestationBody = z.infer<typeof attestationBody>;
export type WaiverBody = z.infer<typeof waiverBody>;
