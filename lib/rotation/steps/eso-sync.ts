// One turn of a force-sync of an ExternalSecret, shared by the sync steps (the rotated Secret) and sync-pgbouncer
// (the PgBouncer Secrets): request it as the user (annotation `force-sync`, token persisted BEFORE the patch so a
// resumed step re-sends the same one), then wait until ESO reports refreshTime ≥ the token and Ready
// (lib/actions/progress-eso.ts). What the Secret must then hold is the caller's business; `settling` bounds the
// time a value may still be in flight after ESO reported the sync.
import "server-only";
import { patchAsUser } from "@/lib/actions/kube";
import { ES_FORCE_SYNC, forceSyncPatch } from "@/lib/actions/patches";
import { evaluateExternalSecret } from "@/lib/actions/progress-eso";
import { baselineOf } from "@/lib/actions/step-request";
import { unixSeconds } from "@/lib/actions/token";
import type { StepBaseline } from "@/lib/actions/types";
import type { KubeObject } from "@/lib/kinds/object";
import type { StepContext } from "./context";

/** After ESO reported the sync, how long a different value may still be in flight before the step fails. */
export const SETTLE_MS = 30_000;

export interface ForceSync {
  token: string;
  baseline: StepBaseline;
}

export type SyncTurn =
  | { state: "requested" | "waiting"; message: string }
  | { state: "failed"; message: string }
  | { state: "synced"; es: KubeObject };

export async function forceSyncTurn(ctx: StepContext, name: string, current: ForceSync | undefined, persist: (fs: ForceSync) => Promise<void>): Promise<SyncTurn> {
  const r = ctx.rotation;
  const es = ctx.cache.get("externalsecrets", r.namespace, name);
  if (!es) return { state: "waiting", message: `waiting for ExternalSecret ${name} in the cache` };
  if (!current || es.metadata.annotations?.[ES_FORCE_SYNC] !== current.token) {
    let fs = current;
    if (!fs) {
      let token = unixSeconds(Date.now());
      while (es.metadata.annotations?.[ES_FORCE_SYNC] === token) token = String(Number(token) + 1);
      fs = { token, baseline: baselineOf(es) };
      await persist(fs);
    }
    await patchAsUser(r.cluster, ctx.as, "externalsecrets", r.namespace, name, forceSyncPatch("ExternalSecret", fs.token));
    return { state: "requested", message: `force-sync requested (${ES_FORCE_SYNC}=${fs.token}); waiting for ESO` };
  }
  const p = evaluateExternalSecret(es, Number(current.token), current.baseline);
  if (p.state === "failed") return { state: "failed", message: `ExternalSecret ${name}: ${p.message}` };
  if (p.state !== "succeeded") return { state: "waiting", message: p.message };
  return { state: "synced", es };
}

/** ESO synced but the Secret does not carry the value yet: true while that may still be in flight (first call starts the clock). */
export async function settling(seenAt: number | undefined, persist: (at: number) => Promise<void>): Promise<boolean> {
  if (seenAt === undefined) {
    await persist(Date.now());
    return true;
  }
  return Date.now() - seenAt <= SETTLE_MS;
}
