// Shutdown timing, validated like lib/config/env.ts.
// FLUXTOWER_SHUTDOWN_DELAY_SECONDS (default 0; the Kubernetes manifests set 5): after SIGTERM the app keeps serving,
// with readiness 503, this long, so endpoints and load balancers stop sending it new requests.
// FLUXTOWER_SHUTDOWN_GRACE_SECONDS (default 25, below the pod's terminationGracePeriodSeconds 30): in-flight requests
// get this long (delay included) to finish before the process exits anyway.
import { z } from "zod";

const seconds = (def: number) => z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().min(0).max(3600).default(def));
const schema = z.object({ FLUXTOWER_SHUTDOWN_DELAY_SECONDS: seconds(0), FLUXTOWER_SHUTDOWN_GRACE_SECONDS: seconds(25) });

export interface ShutdownConfig {
  delayMs: number;
  graceMs: number;
}

export function shutdownConfig(env: Record<string, string | undefined> = process.env): ShutdownConfig {
  const r = schema.safeParse(env);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`invalid environment: ${String(issue.path[0])}: ${issue.message}`);
  }
  return { delayMs: r.data.FLUXTOWER_SHUTDOWN_DELAY_SECONDS * 1000, graceMs: r.data.FLUXTOWER_SHUTDOWN_GRACE_SECONDS * 1000 };
}
