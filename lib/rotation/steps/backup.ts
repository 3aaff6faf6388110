// backup: keep the Secret's current data in a labelled backup Secret in the same namespace, before anything
// changes. Idempotent: an existing backup of this rotation is kept as it is.
import "server-only";
import { stepTitle } from "../step-titles";
import { ROTATION_ID_LABEL } from "../kinds";
import { createSecret, readSecret } from "../kube";
import { backupLabels } from "../naming";
import { done, fail, type StepDef } from "./context";

const DATA_HASH = "reconcile.external-secrets.io/data-hash";

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
      annotations: { "fluxtower.dev/backup-of": r.secret, "fluxtower.dev/backup-created-by": r.createdBy },
      data: current.data,
    });
    return done(`previous value kept in Secret ${name}`, detail);
  },
};
