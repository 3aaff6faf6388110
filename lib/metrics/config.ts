// Settings of the metrics endpoint, validated like lib/config/env.ts (a bad value stops the start naming the variable).
// FLUXTOWER_METRICS_PORT: the separate port Prometheus scrapes (default 9464; 0 turns the endpoint off).
// FLUXTOWER_METRICS_HOST: the address it binds (default 127.0.0.1; the container manifests set 0.0.0.0).
import { z } from "zod";

const schema = z.object({
  FLUXTOWER_METRICS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).default(9464)),
  FLUXTOWER_METRICS_HOST: z.preprocess((v) => (v === "" ? undefined : v), z.union([z.ipv4(), z.ipv6(), z.literal("localhost")]).default("127.0.0.1")),
});

export interface MetricsConfig {
  port: number;
  host: string;
}

export function metricsConfig(env: Record<string, string | undefined> = process.env): MetricsConfig {
  const r = schema.safeParse(env);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`invalid environment: ${String(issue.path[0])}: ${issue.message}`);
  }
  return { port: r.data.FLUXTOWER_METRICS_PORT, host: r.data.FLUXTOWER_METRICS_HOST };
}
