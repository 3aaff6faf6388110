// sync / sync-new-old / sync-new / restore-sync: force-sync the ExternalSecret (annotation `force-sync`, as the
// user), wait until ESO reports refreshTime ≥ our request and Ready (lib/actions/progress-eso.ts), then check that
// the Secret really holds the expected value (its data hash changed with it).
import "server-only";
import { patchAsUser } from "@/lib/actions/kube";
import { forceSyncPatch, ES_FORCE_SYNC } from "@/lib/actions/patches";
import { evaluateExternalSecret } from "@/lib/actions/progress-eso";
import { baselineOf } from "@/lib/actions/step-request";
import { unixSeconds } from "@/lib/actions/token";
import type { StepBaseline } from "@/lib/actions/types";
import type { JsonObject } from "@/lib/db/json-text";
import { readSecret } from "../kube";
import { desiredValue, sameValue, type ValueTarget } from "../value-source";
import { detailString, done, fail, wait, type StepDef } from "./context";

const DATA_HASH = "reconcile.external-secrets.io/data-hash";
/** After ESO reported the sync, how long a different value may still be in flight before the step fails. */
const SETTLE_MS = 30_000;

export function syncStep(name: string, title: string, target: ValueTarget): StepDef {
  return {
    name,
    title,
    async run(ctx) {
      const r = ctx.rotation;
      const write = r.plan.write;
      if (write.type !== "upstream") return done("not managed by ESO: nothing to sync");
      const es = ctx.cache.get("externalsecrets", r.namespace, write.externalSecret);
      if (!es) return wait(`waiting for ExternalSecret ${write.externalSecret} in the cache`);
      let token = detailString(ctx, "token");
      if (!token || es.metadata.annotations?.[ES_FORCE_SYNC] !== token) {
        if (!token) {
          token = unixSeconds(Date.now());
          while (es.metadata.annotations?.[ES_FORCE_SYNC] === token) token = String(Number(token) + 1);
          await ctx.save({ token, baseline: baselineOf(es) as JsonObject }, "requesting a force-sync");
        }
        await patchAsUser(r.cluster, ctx.as, "externalsecrets", r.namespace, write.externalSecret, forceSyncPatch("ExternalSecret", token));
        return wait(`force-sync requested (${ES_FORCE_SYNC}=${token}); waiting for ESO`);
      }
      const baseline = (ctx.step.detail.baseline ?? {}) as StepBaseline;
      const p = evaluateExternalSecret(es, Number(token), baseline);
      if (p.state === "failed") return fail(`ExternalSecret ${write.externalSecret}: ${p.message}`);
      if (p.state !== "succeeded") return wait(p.message);
      const secret = await readSecret(r.cluster, ctx.as, r.namespace, r.secret);
      const expected = await desiredValue(ctx, target);
      const hash = secret?.object.metadata.annotations?.[DATA_HASH] ?? "";
      if (sameValue(write.remote, secret?.data[r.key], expected)) {
        return done(`ESO synced the Secret at ${String(es.status?.refreshTime ?? "")}; data hash ${hash.slice(0, 12) || "(none)"}`, { ...ctx.step.detail, dataHash: hash });
      }
      const since = Number(detailString(ctx, "syncedSeenAt") ?? Date.now());
      if (!detailString(ctx, "syncedSeenAt")) await ctx.save({ ...ctx.step.detail, syncedSeenAt: String(since) });
      if (Date.now() - since > SETTLE_MS) {
        return fail(`ESO synced ExternalSecret ${write.externalSecret}, but the Secret does not hold the expected value: the backend item was not changed as expected`);
      }
      return wait("ESO synced; waiting for the Secret to carry the expected value");
    },
  };
}
