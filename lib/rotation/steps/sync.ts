// sync / sync-new-old / sync-new / restore-sync: force-sync the ExternalSecret (annotation `force-sync`, as the
// user), wait until ESO reports refreshTime ≥ our request and Ready (lib/actions/progress-eso.ts), then check that
// the Secret really holds the expected value (its data hash changed with it).
import "server-only";
import type { StepBaseline } from "@/lib/actions/types";
import type { JsonObject } from "@/lib/db/json-text";
import { readSecret } from "../kube";
import { desiredValue, sameValue, type ValueTarget } from "../value-source";
import { detailString, done, fail, wait, type StepDef } from "./context";
import { forceSyncTurn, settling } from "./eso-sync";

const DATA_HASH = "reconcile.external-secrets.io/data-hash";

export function syncStep(name: string, title: string, target: ValueTarget): StepDef {
  return {
    name,
    title,
    async run(ctx) {
      const r = ctx.rotation;
      const write = r.plan.write;
      if (write.type !== "upstream") return done("not managed by ESO: nothing to sync");
      const token = detailString(ctx, "token");
      const current = token ? { token, baseline: (ctx.step.detail.baseline ?? {}) as StepBaseline } : undefined;
      const turn = await forceSyncTurn(ctx, write.externalSecret, current, (fs) => ctx.save({ token: fs.token, baseline: fs.baseline as JsonObject }, "requesting a force-sync"));
      if (turn.state === "failed") return fail(turn.message);
      if (turn.state !== "synced") return wait(turn.message);
      const secret = await readSecret(r.cluster, ctx.as, r.namespace, r.secret);
      const expected = await desiredValue(ctx, target);
      const hash = secret?.object.metadata.annotations?.[DATA_HASH] ?? "";
      if (sameValue(write.remote, secret?.data[r.key], expected)) {
        return done(`ESO synced the Secret at ${String(turn.es.status?.refreshTime ?? "")}; data hash ${hash.slice(0, 12) || "(none)"}`, { ...ctx.step.detail, dataHash: hash });
      }
      const seen = detailString(ctx, "syncedSeenAt");
      if (!(await settling(seen === undefined ? undefined : Number(seen), (at) => ctx.save({ ...ctx.step.detail, syncedSeenAt: String(at) })))) {
        return fail(`ESO synced ExternalSecret ${write.externalSecret}, but the Secret does not hold the expected value: the backend item was not changed as expected`);
      }
      return wait("ESO synced; waiting for the Secret to carry the expected value");
    },
  };
}
