// zod schemas for the /__demo control endpoints' request bodies.
import { z } from "zod";

export const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    errorRate: z.number().min(0).max(1).optional(),
    errorCode: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
    dropWatchesNow: z.literal(true).optional(),
    outageSeconds: z.number().min(0).max(3600).optional(),
    outageMode: z.enum(["reset", "503"]).optional(),
  })
  .strict();

export const gitPushSchema = z.object({ revision: z.string().min(1).optional() }).strict();

export const vaultSetSchema = z.object({ fields: z.record(z.string(), z.string()) }).strict();

export const simFilterSchema = z
  .object({ kind: z.string().min(1).optional(), namespace: z.string().min(1).optional() })
  .strict();

export const timeScaleSchema = z.object({ scale: z.number().positive().max(1000) }).strict();
