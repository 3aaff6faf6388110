// write / write-new-old / write-new / restore: make the Secret key hold a value. A plain Secret is patched as the
// user (fieldManager fluxtower). An ESO-managed Secret is NEVER patched: the value goes upstream — pushed by ESO
// through a short-lived PushSecret to the same store (upstream/push-secret.ts, several turns), or changed by the
// user, who confirms — and a sync step follows.
import "server-only";
import { ROTATION_ID_LABEL } from "../kinds";
import { patchSecret, readSecret } from "../kube";
import { adapterOf, manualInstructions, type UpstreamStore } from "../upstream";
import { pushTurn } from "../upstream/push-secret";
import { desiredValue, upstreamValueOf, type ValueTarget } from "../value-source";
import { confirm, detailString, done, fail, forwardStep, type StepContext, type StepDef } from "./context";

function instructionsFor(ctx: StepContext, target: ValueTarget, store: UpstreamStore): string {
  const write = ctx.rotation.plan.write;
  if (write.type !== "upstream") return "";
  const what =
    target === "next"
      ? "the new value you uploaded"
      : target === "combined"
        ? "your uploaded new key, a comma, then its current value (`<new>,<old>`)"
        : `the value it had before ${ctx.rotation.createdAt.toISOString()} (the vault's item history has it)`;
  return manualInstructions(store, write.remote, write.remote.transform === "url-password" ? `${what.replace("value", "password")}` : what);
}

/** Fernet: a write that drops the old key only after the re-encryption Job has succeeded. */
function fernetGuard(ctx: StepContext, target: ValueTarget): string | undefined {
  if (ctx.rotation.kind !== "airflow-fernet" || target !== "next") return undefined;
  const job = forwardStep(ctx, "reencrypt");
  return job?.state === "succeeded" ? undefined : "refusing to drop the old Fernet key: the re-encryption Job has not succeeded";
}

/** A person changes the vault by hand: give them days, not the rollout timeout. */
const MANUAL_TIMEOUT_MS = 7 * 24 * 3_600_000;

export function writeStep(name: string, title: string, target: ValueTarget): StepDef {
  return {
    name,
    title,
    timeoutMs: (ctx) => {
      const w = ctx.rotation.plan.write;
      return w.type === "upstream" && adapterOf(w.adapter) === "manual" ? MANUAL_TIMEOUT_MS : ctx.rotation.options.timeoutMinutes * 60_000;
    },
    async run(ctx) {
      const r = ctx.rotation;
      const guard = fernetGuard(ctx, target);
      if (guard) return fail(guard);
      const desired = await desiredValue(ctx, target);
      const write = r.plan.write;
      if (write.type === "direct") {
        const current = await readSecret(r.cluster, ctx.as, r.namespace, r.secret);
        if (!current) return fail(`Secret ${r.namespace}/${r.secret} no longer exists`);
        if (current.data[r.key] === desired) return done(`Secret ${r.secret} holds the ${target === "previous" ? "previous" : "new"} value`);
        await ctx.save({ ...ctx.step.detail, writing: true }, "patching the Secret");
        await patchSecret(r.cluster, ctx.as, r.namespace, r.secret, { data: { [r.key]: desired }, annotations: { [ROTATION_ID_LABEL]: r.id } });
        return done(`patched key "${r.key}" of Secret ${r.secret}`);
      }
      const store: UpstreamStore = { ...write.store, providerType: write.providerType };
      const where = `${write.remote.item}${write.remote.property ? `/${write.remote.property}` : ""}`;
      if (adapterOf(write.adapter) === "push-secret") {
        const target = { namespace: r.namespace, secret: r.secret, rotationId: r.id, stepIndex: ctx.step.index, store, remote: write.remote };
        return pushTurn(ctx, target, upstreamValueOf(write.remote, desired));
      }
      const confirmedBy = detailString(ctx, "confirmedBy");
      if (confirmedBy) return done(`${confirmedBy} confirmed the change of ${where}`);
      return confirm(instructionsFor(ctx, target, store), { ...ctx.step.detail, writing: true, item: write.remote.item, property: write.remote.property ?? "" });
    },
  };
}
