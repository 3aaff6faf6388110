// PgBouncer steps of airflow-metadata-password (DOMAIN.md §4.3), all past the point of no return (ALTER ROLE ran):
//  - write-pgbouncer: patch the role's line of users.txt and the password of the stats connection in the Secrets
//    Fluxtower writes directly (as the user, fieldManager fluxtower); the backup Secret holds their previous text;
//  - sync-pgbouncer: force-sync the ExternalSecrets that template them from the metadata vault item and wait until
//    the Secrets carry the new password;
//  - restart-pgbouncer / verify-pgbouncer: roll the PgBouncer Deployment (subPath mounts never update) and wait for
//    healthy pods — before Airflow is restarted.
// The new password comes from the staged Secret; it is never logged, stored in the journal or returned.
import "server-only";
import type { JsonObject } from "@/lib/db/json-text";
import { ROTATION_ID_LABEL } from "../kinds";
import { patchSecret, readSecret } from "../kube";
import { rewriteStatsConnection, rewriteUsersTxt, statsConnectionOk, usersTxtHas } from "../pgbouncer-files";
import { stepTitle } from "../step-titles";
import type { PgBouncerSecretPlan } from "../types";
import { MissingValueError, stagedFields } from "../value-source";
import { done, fail, wait, type StepContext, type StepDef } from "./context";
import { forceSyncTurn, settling, type ForceSync } from "./eso-sync";
import { restartStep, verifyStep, type RestartTarget } from "./restart";

function secretsOf(ctx: StepContext, type: PgBouncerSecretPlan["write"]["type"]): PgBouncerSecretPlan[] {
  const p = ctx.rotation.plan.pgbouncer;
  return p ? [p.config, ...(p.stats ? [p.stats] : [])].filter((s) => s.write.type === type) : [];
}

async function newPassword(ctx: StepContext): Promise<{ role: string; password: string }> {
  const password = (await stagedFields(ctx)).password;
  const role = ctx.rotation.plan.dbUser;
  if (!password || !role) throw new MissingValueError("the staged Secret holds no new password (or the plan has no database role)");
  return { role, password };
}

const carries = (s: PgBouncerSecretPlan, text: string, role: string, password: string) =>
  s.key === "users.txt" ? usersTxtHas(text, role, password) : statsConnectionOk(text, role, password);

export const writePgbouncerStep: StepDef = {
  name: "write-pgbouncer",
  title: stepTitle("write-pgbouncer"),
  async run(ctx) {
    const r = ctx.rotation;
    const { role, password } = await newPassword(ctx);
    const written: string[] = [];
    for (const s of secretsOf(ctx, "direct")) {
      const current = await readSecret(r.cluster, ctx.as, r.namespace, s.name);
      const text = current?.data[s.key];
      if (text === undefined) return fail(`Secret ${r.namespace}/${s.name} (or its key "${s.key}") no longer exists; put the new password there by hand, then restart PgBouncer`);
      const next = s.key === "users.txt" ? rewriteUsersTxt(text, role, password) : rewriteStatsConnection(text, role, password);
      if (!next.ok) return fail(`Secret ${s.name}: ${next.reason}`);
      if (next.changed) {
        await ctx.save({ ...ctx.step.detail, writing: s.name }, `patching "${s.key}" of Secret ${s.name}`);
        await patchSecret(r.cluster, ctx.as, r.namespace, s.name, { data: { [s.key]: next.text }, annotations: { [ROTATION_ID_LABEL]: r.id } });
      }
      written.push(`"${s.key}" of ${s.name}`);
    }
    return done(`the new password is in ${written.join(" and ")}`);
  },
};

interface EsSync extends ForceSync {
  syncedSeenAt?: number;
}

export const syncPgbouncerStep: StepDef = {
  name: "sync-pgbouncer",
  title: stepTitle("sync-pgbouncer"),
  async run(ctx) {
    const r = ctx.rotation;
    const state = { ...((ctx.step.detail.externalSecrets ?? {}) as unknown as Record<string, EsSync>) };
    const save = (message?: string) => ctx.save({ externalSecrets: state as unknown as JsonObject }, message);
    const pending: string[] = [];
    for (const s of secretsOf(ctx, "external-secret")) {
      if (s.write.type !== "external-secret") continue;
      const name = s.write.externalSecret;
      const turn = await forceSyncTurn(ctx, name, state[name], (fs) => {
        state[name] = fs;
        return save(`requesting a force-sync of ExternalSecret ${name}`);
      });
      if (turn.state === "failed") return fail(turn.message);
      if (turn.state === "waiting" && !state[name]) return wait(turn.message); // not in the cache yet
      if (turn.state !== "synced") {
        pending.push(turn.state === "requested" ? `force-sync of ${name} requested` : `${name}: ${turn.message}`);
        continue;
      }
      const { role, password } = await newPassword(ctx);
      const text = (await readSecret(r.cluster, ctx.as, r.namespace, s.name))?.data[s.key];
      if (text !== undefined && carries(s, text, role, password)) continue;
      const entry = state[name];
      const inFlight = await settling(entry.syncedSeenAt, (at) => {
        entry.syncedSeenAt = at;
        return save();
      });
      if (!inFlight) {
        return fail(`ESO synced ExternalSecret ${name}, but "${s.key}" of Secret ${s.name} does not carry the new password: its template does not read the vault field that was changed`);
      }
      pending.push(`${name} synced; waiting for Secret ${s.name} to carry the new password`);
    }
    if (pending.length) return wait(pending.join("; "), { externalSecrets: state as unknown as JsonObject }, 1000);
    return done("every PgBouncer Secret carries the new password (synced by ESO)", { externalSecrets: state as unknown as JsonObject });
  },
};

function pgbouncerTarget(ctx: StepContext): RestartTarget[] {
  const p = ctx.rotation.plan.pgbouncer;
  return p ? [{ resource: "deployments", kind: "Deployment", name: p.workload }] : [];
}

export const restartPgbouncerStep = restartStep("restart-pgbouncer", stepTitle("restart-pgbouncer"), pgbouncerTarget);
export const verifyPgbouncerStep = verifyStep("verify-pgbouncer", stepTitle("verify-pgbouncer"), "restart-pgbouncer");
