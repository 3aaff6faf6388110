// backup: keep the Secret's current data in a labelled backup Secret in the same namespace, before anything
// changes. Idempotent: an existing backup of this rotation is kept as it is. With PgBouncer, the same backup also
// keeps the previous users.txt and stats connection (keys `<secret>.<key>`), so a person can recover them.
import "server-only";
import { stepTitle } from "../step-titles";
import { ROTATION_ID_LABEL } from "../kinds";
import { createSecret, readSecret } from "../kube";
import { backupLabels } from "../naming";
import { done, fail, type StepContext, type StepDef } from "./context";

const DATA_HASH = "reconcile.external-secrets.io/data-hash";

/** The PgBouncer Secrets' keys that will change, as `<secret>.<key>` (a missing one is left out). */
async function pgbouncerData(ctx: StepContext): Promise<Record<string, string>> {
  const p = ctx.rotation.plan.pgbouncer;
  const out: Record<string, string> = {};
  for (const s of p ? [p.config, ...(p.stats ? [p.stats] : [])] : []) {
    const v = (await readSecret(ctx.rotation.cluster, ctx.as, ctx.rotation.namespace, s.name))?.data[s.key];
    if (v !== undefined) out[`${s.name}.${s.key}`] = v;
  }
  return out;
}

function pgbouncerNote(ctx: StepContext): Record<string, string> {
  const p = ctx.rotation.plan.pgbouncer;
  return p ? { "fluxtower.dev/backup-also-of": [p.config.name, ...(p.stats ? [p.stats.name] : [])].join(",") } : {};
}

export const backupStep: StepDef = {
  name: "backup",
  title: stepTitle("backup"),
  async run(ctx) {
    const r = ctx.rotation;
    const name = r.backupSecret;
    if (!name) return fail("the rotation has no backup Secret name");
    const existing = await readSecret(r.cluster, ctx.as, r.namespace, name);
    if (existing) {
      if (existing.object.metadata.labels?.[ROTATION_ID_LABEL] !== r.id) return fail(`a Secret ${r.namespace}/${name} exists and is not this rotation's backup`);
      return done(`previous value kept in Secret ${name}`, ctx.step.detail);
    }
    const current = await readSecret(r.cluster, ctx.as, r.namespace, r.secret);
    if (!current) return fail(`Secret ${r.namespace}/${r.secret} does not exist`);
    if (current.data[r.key] === undefined) return fail(`Secret ${r.namespace}/${r.secret} has no key "${r.key}"`);
    const detail = { resourceVersion: current.object.metadata.resourceVersion ?? "", dataHash: current.object.metadata.annotations?.[DATA_HASH] ?? "" };
    await ctx.save(detail, "creating the backup Secret");
    await createSecret(r.cluster, ctx.as, {
      name,
      namespace: r.namespace,
      labels: backupLabels(r.secret, r.id),
      annotations: { "fluxtower.dev/backup-of": r.secret, "fluxtower.dev/backup-created-by": ctx.actor.name, ...pgbouncerNote(ctx) },
      data: { ...(await pgbouncerData(ctx)), ...current.data },
    });
    return done(`previous value kept in Secret ${name}`, detail);
  },
};
