// await-deploy-key (git-ssh-key): show the new PUBLIC key and wait for the user's confirmation that it was added.
// finish: record the rotation on the Secret (or its ExternalSecret), delete the staged value, start the backup's
// grace period. cleanup (rollback): the previous value is live again, so the staged and backup Secrets go. Both
// also remove any PushSecret + source Secret an interrupted upstream write left behind (named in the journal).
import "server-only";
import { stepTitle } from "../step-titles";
import { patchAsUser } from "@/lib/actions/kube";
import { BACKUP_EXPIRES_ANNOTATION, ROTATED_AT_ANNOTATION, ROTATION_ID_LABEL } from "../kinds";
import { deleteSecret, patchSecret } from "../kube";
import { updateRotation } from "../store";
import { cleanupPushObjects } from "../upstream/push-secret";
import { confirm, detailString, done, forwardStep, type StepDef } from "./context";

export const awaitDeployKeyStep: StepDef = {
  name: "await-deploy-key",
  title: stepTitle("await-deploy-key"),
  timeoutMs: () => 7 * 24 * 3_600_000,
  async run(ctx) {
    const by = detailString(ctx, "confirmedBy");
    if (by) return done(`${by} confirmed the new deploy key was added`);
    const stage = forwardStep(ctx, "stage");
    const publicKey = typeof stage?.detail.publicKey === "string" ? stage.detail.publicKey : "";
    const fingerprint = typeof stage?.detail.fingerprint === "string" ? stage.detail.fingerprint : "";
    const repo = ctx.rotation.plan.gitRepo ? ` of ${ctx.rotation.plan.gitRepo}` : "";
    return confirm(`Add this public key as a read-only deploy key${repo} (keep the old one for now), then confirm`, { publicKey, fingerprint });
  },
};

function reminder(ctx: Parameters<StepDef["run"]>[0]): string {
  switch (ctx.rotation.kind) {
    case "git-ssh-key": {
      const fp = forwardStep(ctx, "stage")?.detail.fingerprint;
      return ` Now revoke the OLD deploy key on the repository (the new one is ${typeof fp === "string" ? fp : "the key added for this rotation"}).`;
    }
    case "airflow-api-secret":
    case "airflow-webserver-secret":
    case "airflow-jwt":
      return " Users have been signed out and must sign in again.";
    default:
      return "";
  }
}

export const finishStep: StepDef = {
  name: "finish",
  title: stepTitle("finish"),
  async run(ctx) {
    const r = ctx.rotation;
    const now = new Date();
    const annotations = { [ROTATED_AT_ANNOTATION]: now.toISOString(), [ROTATION_ID_LABEL]: r.id };
    if (r.plan.write.type === "upstream") {
      await patchAsUser(r.cluster, ctx.as, "externalsecrets", r.namespace, r.plan.write.externalSecret, { metadata: { annotations } });
    } else {
      await patchSecret(r.cluster, ctx.as, r.namespace, r.secret, { annotations });
    }
    if (r.stagedSecret) await deleteSecret(r.cluster, ctx.as, r.namespace, r.stagedSecret);
    await cleanupPushObjects(ctx);
    const expires = new Date(now.getTime() + r.options.backupGraceHours * 3_600_000);
    if (r.backupSecret) await patchSecret(r.cluster, ctx.as, r.namespace, r.backupSecret, { annotations: { [BACKUP_EXPIRES_ANNOTATION]: expires.toISOString() } });
    await updateRotation(r.id, { backupExpiresAt: expires });
    const undo = r.pointOfNoReturn ? "" : " (roll back restores it)";
    return done(`rotated; the backup Secret ${r.backupSecret ?? ""} is kept until ${expires.toISOString()}${undo}.${reminder(ctx)}`);
  },
};

export const cleanupStep: StepDef = {
  name: "cleanup",
  title: stepTitle("cleanup"),
  async run(ctx) {
    const r = ctx.rotation;
    const leftovers = await cleanupPushObjects(ctx);
    if (r.stagedSecret) await deleteSecret(r.cluster, ctx.as, r.namespace, r.stagedSecret);
    if (r.backupSecret) await deleteSecret(r.cluster, ctx.as, r.namespace, r.backupSecret);
    await updateRotation(r.id, { backupDeletedAt: new Date(), backupExpiresAt: null });
    const pushed = leftovers.length ? `; PushSecret leftovers removed (${leftovers.join(", ")})` : "";
    return done(`the previous value is live again; staged and backup Secrets removed${pushed}`);
  },
};
