// restart / restart-2 / restore-restart (and restart-pgbouncer with its own target): rollout restart of every consumer (kubectl.kubernetes.io/restartedAt,
// merge patch as the user, fieldManager fluxtower — lib/actions' restart), all together, so e.g. the api-server and
// the scheduler switch keys at the same time. verify / verify-2 / restore-verify: wait for every rollout and for
// healthy new pods; a pod that crashes fails the step (and rolls the rotation back while that is possible).
import "server-only";
import { createActionEvent, patchAsUser } from "@/lib/actions/kube";
import { refusalFor } from "@/lib/actions/preconditions";
import { restartPatch, RESTARTED_AT } from "@/lib/actions/patches";
import { restartTimestamp } from "@/lib/actions/token";
import type { JsonObject } from "@/lib/db/json-text";
import { at, str } from "@/lib/health/read";
import { logger } from "@/lib/log/logger";
import { gitSyncNotReady, rolloutState } from "../rollout";
import { done, fail, wait, type StepContext, type StepDef } from "./context";

interface Sent {
  resource: string;
  name: string;
  token: string;
  generation?: number;
}

function sentOf(detail: JsonObject): Record<string, Sent> {
  const w = detail.workloads;
  return w && typeof w === "object" && !Array.isArray(w) ? (w as unknown as Record<string, Sent>) : {};
}

async function recordEvent(ctx: StepContext, resource: string, name: string): Promise<void> {
  const obj = ctx.cache.get(resource, ctx.rotation.namespace, name);
  if (!obj) return;
  const r = ctx.rotation;
  try {
    const why = ctx.rotation.phase === "rollback" ? "rolled back the rotation of" : "rotated";
    await createActionEvent(r.cluster, obj, `${ctx.actor.name} ${why} Secret ${r.secret} through Fluxtower (rotation ${r.id}): rollout restart to pick up the ${ctx.rotation.phase === "rollback" ? "previous" : "new"} value`);
  } catch (err) {
    logger.warn({ rotation: r.id, workload: name, err: err instanceof Error ? err.message : String(err) }, "could not record the Kubernetes Event of a rotation restart");
  }
}

/** A workload a restart step rolls. */
export interface RestartTarget {
  resource: string;
  kind: string;
  name: string;
}

/** The consumers of the Secret; PgBouncer has its own restart step (restart-pgbouncer) and is never rolled twice. */
export function consumerTargets(ctx: StepContext): RestartTarget[] {
  const p = ctx.rotation.plan.pgbouncer;
  return ctx.rotation.plan.consumers.filter((c) => c.restartable && !(p && c.resource === "deployments" && c.name === p.workload));
}

export function restartStep(name: string, title: string, targetsOf: (ctx: StepContext) => RestartTarget[] = consumerTargets): StepDef {
  return {
    name,
    title,
    async run(ctx) {
      const r = ctx.rotation;
      const sent = { ...sentOf(ctx.step.detail) };
      const targets = targetsOf(ctx);
      for (const c of targets) {
        const key = `${c.resource}/${c.name}`;
        if (sent[key]?.generation !== undefined) continue;
        const obj = ctx.cache.get(c.resource, r.namespace, c.name);
        if (!obj) return fail(`${c.kind} ${c.name} no longer exists`);
        const landed = sent[key] && str(at(obj.spec, "template", "metadata", "annotations", RESTARTED_AT)) === sent[key].token;
        if (landed) {
          sent[key] = { ...sent[key], generation: obj.metadata.generation };
          continue;
        }
        const refusal = refusalFor("restart", obj);
        if (refusal) return fail(refusal.message);
        let token = restartTimestamp(Date.now());
        if (str(at(obj.spec, "template", "metadata", "annotations", RESTARTED_AT)) === token) token = restartTimestamp(Date.now() + 1000);
        sent[key] = { resource: c.resource, name: c.name, token };
        await ctx.save({ workloads: sent as unknown as JsonObject }, `restarting ${c.kind} ${c.name}`);
        const patched = await patchAsUser(r.cluster, ctx.as, c.resource, r.namespace, c.name, restartPatch(token));
        sent[key] = { ...sent[key], generation: patched.metadata.generation };
        await ctx.save({ workloads: sent as unknown as JsonObject });
        await recordEvent(ctx, c.resource, c.name);
      }
      const names = targets.map((c) => `${c.kind} ${c.name}`);
      return done(names.length ? `restarted ${names.join(", ")}` : "no workload to restart", { workloads: sent as unknown as JsonObject });
    },
  };
}

export function verifyStep(name: string, title: string, restartName: string, opts: { gitSync?: boolean } = {}): StepDef {
  return {
    name,
    title,
    async run(ctx) {
      const restart = [...ctx.steps].reverse().find((s) => s.name === restartName && s.index < ctx.step.index);
      const sent = Object.values(sentOf(restart?.detail ?? {}));
      if (sent.length === 0) return done("no workload was restarted");
      const pods = ctx.cache.list("pods");
      const pending: string[] = [];
      for (const s of sent) {
        const workload = ctx.cache.get(s.resource, ctx.rotation.namespace, s.name);
        if (!workload) return fail(`${s.resource} ${s.name} disappeared during the rollout`);
        const input = { workload, generation: s.generation, token: s.token, pods, now: Date.now() };
        const state = rolloutState(input);
        if (state.state === "failed") return fail(state.message);
        if (state.state === "waiting") pending.push(state.message);
        else if (opts.gitSync) {
          const notReady = gitSyncNotReady(input);
          if (notReady) pending.push(notReady);
        }
      }
      if (pending.length) return wait(`${sent.length - pending.length} of ${sent.length} rolled out; ${pending[0]}`, undefined, 1500);
      return done(`${sent.length} workload${sent.length === 1 ? "" : "s"} rolled out with healthy pods${opts.gitSync ? "; git-sync containers are ready" : ""}`);
    },
  };
}
