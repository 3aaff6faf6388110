// The "push-secret" upstream write, driven one turn at a time by the write step (the runner calls it until done).
// Progress lives in the step detail and is saved BEFORE each write, so a restarted server resumes:
//   1. create the source Secret (the backend value only) as the user;
//   2. create the PushSecret selecting it (no value in its spec) as the user;
//   3. wait for ESO: Ready=True reason Synced with our remote key/property in syncedPushSecrets, while the source
//      Secret still has the resourceVersion we created (fail at once on Errored, with ESO's message);
//   4. delete the PushSecret, then the source Secret (404 tolerated; deletionPolicy None keeps the pushed value).
// A crash or failure in between leaves at most these two objects; cleanupPushObjects (finish/cleanup steps)
// removes them by the names recorded in the journal.
import "server-only";
import type { JsonObject } from "@/lib/db/json-text";
import { ROTATION_ID_LABEL } from "../kinds";
import { createSecret, deleteSecret, readSecret } from "../kube";
import { detailString, done, fail, wait, type StepContext } from "../steps/context";
import type { StepResult } from "../types";
import { createPushSecret, deletePushSecret, readPushSecret } from "./push-secret-kube";
import { PUSH_SOURCE_KEY, pushObjectName, pushProgress, pushSecretManifest, pushSourceSecret, type PushTarget } from "./push-secret-manifest";

export async function pushTurn(ctx: StepContext, target: PushTarget, upstreamValue: string): Promise<StepResult> {
  const r = ctx.rotation;
  const name = pushObjectName(target);
  const where = `${target.remote.item}${target.remote.property ? `/${target.remote.property}` : ""}`;
  const ours = (labels: Record<string, string> | undefined) => labels?.[ROTATION_ID_LABEL] === r.id;
  if (ctx.step.detail.pushed === true) return done(`ESO pushed ${where} to ${target.store.kind} ${target.store.name}`);
  if (detailString(ctx, "pushPhase") === "cleanup") return finishPush(ctx, target, where);
  let source = await readSecret(r.cluster, ctx.as, r.namespace, name);
  if (!source) {
    await ctx.save({ ...ctx.step.detail, pushName: name, pushPhase: "source" }, `creating source Secret ${name} for the PushSecret`);
    const created = await createSecret(r.cluster, ctx.as, pushSourceSecret(target, upstreamValue));
    if (created === "exists") return wait(`Secret ${name} appeared meanwhile; checking it`);
    source = await readSecret(r.cluster, ctx.as, r.namespace, name);
    if (!source) return wait(`waiting for source Secret ${name}`);
  }
  if (!ours(source.object.metadata.labels)) return fail(`Secret ${r.namespace}/${name} exists and was not created by this rotation`);
  if (source.data[PUSH_SOURCE_KEY] !== upstreamValue) return fail(`source Secret ${name} does not hold the value this step pushes; refusing to push it`);
  const version = source.object.metadata.resourceVersion ?? "";
  const ps = await readPushSecret(r.cluster, ctx.as, r.namespace, name);
  if (!ps) {
    await ctx.save({ ...ctx.step.detail, pushName: name, pushPhase: "push", sourceVersion: version }, `creating PushSecret ${name}`);
    await createPushSecret(r.cluster, ctx.as, pushSecretManifest(target));
    return wait(`PushSecret ${name} created; waiting for ESO to push ${where}`);
  }
  if (!ours(ps.metadata.labels)) return fail(`PushSecret ${r.namespace}/${name} exists and was not created by this rotation`);
  const recorded = detailString(ctx, "sourceVersion");
  if (recorded && recorded !== version) {
    await removePushObjects(ctx, name);
    return fail(`source Secret ${name} changed while ESO was pushing it (resourceVersion ${recorded} → ${version}); nothing is trusted`);
  }
  const progress = pushProgress(ps, target);
  if (progress.state === "errored") {
    await removePushObjects(ctx, name);
    return fail(`ESO could not push ${where} to ${target.store.kind} ${target.store.name}: ${progress.message}`, { ...ctx.step.detail, pushed: false, pushError: progress.message });
  }
  if (progress.state === "pending") return wait(progress.message);
  await ctx.save({ ...ctx.step.detail, pushPhase: "cleanup", pushSynced: String(ps.status?.refreshTime ?? "") }, `ESO pushed ${where}; removing PushSecret ${name}`);
  return finishPush(ctx, target, where);
}

async function finishPush(ctx: StepContext, target: PushTarget, where: string): Promise<StepResult> {
  const name = detailString(ctx, "pushName") ?? pushObjectName(target);
  await removePushObjects(ctx, name);
  const detail: JsonObject = { ...ctx.step.detail, pushed: true, pushPhase: "done" };
  return done(`ESO pushed ${where} to ${target.store.kind} ${target.store.name} (PushSecret ${name}, now removed); the Secret itself is left to ESO`, detail);
}

async function removePushObjects(ctx: StepContext, name: string): Promise<void> {
  const r = ctx.rotation;
  await deletePushSecret(r.cluster, ctx.as, r.namespace, name);
  await deleteSecret(r.cluster, ctx.as, r.namespace, name);
}

/** Removes every PushSecret and source Secret the journal names that a step did not clean up (after a crash or failure). */
export async function cleanupPushObjects(ctx: StepContext): Promise<string[]> {
  const names = new Set<string>();
  for (const s of ctx.steps) {
    const n = s.detail.pushName;
    if (typeof n === "string" && n && s.detail.pushed !== true) names.add(n);
  }
  for (const n of names) await removePushObjects(ctx, n);
  return [...names];
}
