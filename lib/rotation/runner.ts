// Drives rotations: one loop per rotation in the process that holds its lease (renewed every few seconds; a
// crashed process's lease runs out and the worker of another — or the restarted — process adopts it). Each turn
// reloads the journal, honours a cancel request, runs the current step once and records the result: done → next
// step; wait → try again shortly; confirm → wait for the user; fail → roll back while before the point of no
// return, else stop as failed. Steps are idempotent, so a step interrupted by a crash simply runs again.
// Each step runs as the user who asked for it (actors.ts): the creator, or whoever confirmed, cancelled or rolled
// back since. In read-only mode nothing is driven (paused.ts): the journal stays where it is.
import "server-only";
import type { JsonObject } from "@/lib/db/json-text";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { logger } from "@/lib/log/logger";
import { actorForStep, creatorOf, keepActor, withActor, type Actor } from "./actors";
import { auditRotation, auditStep } from "./audit";
import { publishRotation } from "./feed";
import { rollbackSteps } from "./flows";
import { isTerminalRotation } from "./kinds";
import { newLeaseOwner } from "./lease-owner";
import { rotationsPaused } from "./paused";
import { MissingValueError } from "./value-source";
import { stepDef } from "./steps/registry";
import type { StepContext } from "./steps/context";
import { acquireLease, beginRollback, loadRotation, releaseLease, updateRotation, updateStep, type LoadedRotation } from "./store";
import type { RotationRecord, StepRecord, StepResult } from "./types";

const LEASE_MS = 20_000;
const RENEW_MS = 5_000;
const DEFAULT_WAIT_MS = 1_000;
const CONFIRM_POLL_MS = 2_000;
const MAX_ERRORS = 30;

const holder = globalThis as unknown as {
  fluxtowerRotationOwner?: string;
  fluxtowerRotationDrivers?: Set<string>;
  fluxtowerRotationLoops?: Set<Promise<void>>;
  fluxtowerRotationStopping?: boolean;
};
/** This process's identity in leases. */
export const LEASE_OWNER = (holder.fluxtowerRotationOwner ??= newLeaseOwner());
const drivers = (holder.fluxtowerRotationDrivers ??= new Set<string>());
const loops = (holder.fluxtowerRotationLoops ??= new Set<Promise<void>>());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Starts driving a rotation in this process unless it already does (the lease decides between processes). */
export function drive(id: string): void {
  if (drivers.has(id) || rotationsPaused() || holder.fluxtowerRotationStopping) return;
  drivers.add(id);
  const running: Promise<void> = loop(id)
    .catch((err: unknown) => logger.error({ rotation: id, err: errorText(err) }, "rotation driver stopped"))
    .finally(() => {
      drivers.delete(id);
      loops.delete(running);
    });
  loops.add(running);
}

/**
 * Graceful shutdown (lib/shutdown): drive nothing new, let each loop finish its current turn and release its lease,
 * so another replica's worker adopts the rotation at its next sweep instead of after the lease runs out.
 */
export async function stopDriving(): Promise<void> {
  holder.fluxtowerRotationStopping = true;
  await Promise.allSettled([...loops]);
}

export function isDriving(id: string): boolean {
  return drivers.has(id);
}

async function loop(id: string): Promise<void> {
  if (!(await acquireLease(id, LEASE_OWNER, new Date(Date.now() + LEASE_MS)))) return;
  let lost = false;
  const renew = setInterval(() => {
    acquireLease(id, LEASE_OWNER, new Date(Date.now() + LEASE_MS))
      .then((ok) => (lost ||= !ok))
      .catch((err: unknown) => logger.warn({ rotation: id, err: errorText(err) }, "could not renew the rotation lease"));
  }, RENEW_MS);
  renew.unref?.();
  let errors = 0;
  try {
    while (!lost && !holder.fluxtowerRotationStopping) {
      const loaded = await loadRotation(id);
      if (!loaded || isTerminalRotation(loaded.rotation.state)) return;
      const pause = await turn(loaded, () => errors).then(
        (ms) => {
          errors = 0;
          return ms;
        },
        async (err: unknown) => {
          errors += 1;
          const step = loaded.steps[loaded.rotation.stepIndex];
          logger.warn({ rotation: id, step: step?.name, err: errorText(err), errors }, "rotation step error; retrying");
          if (step) await updateStep(id, step.index, { message: `retrying after an error (${errors}/${MAX_ERRORS}): ${errorText(err)}` });
          publishRotation(id);
          return 3_000;
        },
      );
      if (pause === undefined) continue;
      await sleep(pause);
    }
  } finally {
    clearInterval(renew);
    await releaseLease(id, LEASE_OWNER).catch((err: unknown) => logger.warn({ rotation: id, err: errorText(err) }, "could not release the rotation lease"));
  }
}

/** Who the step at `index` runs as. */
export function actorOf(r: RotationRecord, steps: StepRecord[], index: number): Actor {
  return actorForStep(creatorOf(r), steps, index);
}

function context(r: RotationRecord, steps: StepRecord[], step: StepRecord): StepContext {
  const cache = clusterCache(r.cluster);
  if (!cache) throw new Error(`cluster "${r.cluster}" is no longer configured`);
  const actor = actorOf(r, steps, step.index);
  const ctx: StepContext = {
    rotation: r,
    step,
    steps,
    actor,
    as: { user: actor.kubeUser, groups: actor.groups },
    cache,
    async save(next: JsonObject, message?: string) {
      const detail = keepActor(step.detail, next);
      ctx.step = { ...ctx.step, detail };
      await updateStep(r.id, step.index, { detail, message });
      publishRotation(r.id);
    },
    async markPointOfNoReturn() {
      r.pointOfNoReturn = true;
      await updateRotation(r.id, { pointOfNoReturn: true });
    },
  };
  return ctx;
}

/** The watch caches a step decides from; after a (re)start they must be synced, or "missing" would be a guess. */
function unsyncedCaches(ctx: StepContext): string[] {
  const needed = ["secrets", "deployments", "statefulsets", "pods", "jobs", ...(ctx.rotation.plan.write.type === "upstream" ? ["externalsecrets"] : [])];
  return needed.filter((resource) => {
    const c = ctx.cache.caches.get(resource);
    return !c || !c.state.synced;
  });
}

/** One turn; resolves with the pause before the next one (undefined = go on at once). */
async function turn({ rotation: r, steps }: LoadedRotation, errors: () => number): Promise<number | undefined> {
  const step = steps[r.stepIndex];
  if (!step) return finalize(r, steps);
  if (r.cancelRequestedAt && r.phase === "forward") {
    const cancelled = await handleCancel(r, steps, step);
    if (cancelled !== "continue") return cancelled;
  }
  const def = stepDef(step.name);
  if (!def) return fail(r, steps, step, `unknown step "${step.name}"`);
  if (errors() >= MAX_ERRORS) return fail(r, steps, step, `gave up after ${MAX_ERRORS} errors in a row: ${step.message}`);
  const started = step.startedAt ?? new Date();
  if (!step.startedAt || step.state === "pending") {
    await updateStep(r.id, step.index, { state: "running", startedAt: started, message: "running" });
    step.state = "running";
    step.startedAt = started;
  }
  const ctx = context(r, steps, step);
  const unsynced = unsyncedCaches(ctx);
  if (unsynced.length) {
    await updateStep(r.id, step.index, { message: `waiting for the cluster cache (${unsynced.join(", ")}) before deciding` });
    return 1_000;
  }
  const limit = def.timeoutMs?.(ctx) ?? r.options.timeoutMinutes * 60_000;
  if (Date.now() - started.getTime() > limit) return fail(r, steps, step, `no result within ${Math.round(limit / 60_000)} min; last state: ${step.message}`);
  let result: StepResult;
  try {
    result = await def.run(ctx);
  } catch (err) {
    if (err instanceof MissingValueError) result = { kind: "fail", message: err.message };
    else throw err;
  }
  return apply(r, steps, ctx.step, result, ctx.actor);
}

async function apply(r: RotationRecord, steps: StepRecord[], step: StepRecord, result: StepResult, actor: Actor): Promise<number | undefined> {
  const detail = keepActor(step.detail, result.detail ?? step.detail);
  switch (result.kind) {
    case "done": {
      await updateStep(r.id, step.index, { state: "succeeded", message: result.message, detail, finishedAt: new Date() });
      await auditStep(r, step, "succeeded", result.message, actor);
      const next = steps[step.index + 1];
      await updateRotation(r.id, { stepIndex: step.index + 1, step: next?.name ?? step.name, state: r.phase === "rollback" ? "rolling-back" : "running", message: result.message });
      publishRotation(r.id);
      return undefined;
    }
    case "wait":
      await updateStep(r.id, step.index, { state: "running", message: result.message, detail });
      if (r.state === "waiting") await updateRotation(r.id, { state: r.phase === "rollback" ? "rolling-back" : "running" });
      publishRotation(r.id);
      return result.retryMs ?? DEFAULT_WAIT_MS;
    case "confirm":
      if (step.state !== "waiting") {
        await updateStep(r.id, step.index, { state: "waiting", message: result.message, detail });
        await updateRotation(r.id, { state: "waiting", message: result.message });
        await auditStep(r, step, "waiting", result.message, actor);
        publishRotation(r.id);
      }
      return CONFIRM_POLL_MS;
    case "fail":
      await updateStep(r.id, step.index, { detail });
      return fail(r, steps, step, result.message);
  }
}

/** A failed step: roll back while that is possible, else stop as failed (the backup Secret stays). */
async function fail(r: RotationRecord, steps: StepRecord[], step: StepRecord, message: string): Promise<undefined> {
  const actor = actorOf(r, steps, step.index);
  await updateStep(r.id, step.index, { state: "failed", message, finishedAt: new Date() });
  await auditStep(r, step, "failed", message, actor);
  if (r.phase === "forward" && !r.pointOfNoReturn) {
    await startRollback(r, steps, message, { ...actor, via: "failure" });
  } else {
    const text = r.phase === "rollback" ? `rollback failed at ${step.name}: ${message}; the backup Secret ${r.backupSecret ?? ""} keeps the previous value` : message;
    await updateRotation(r.id, { state: "failed", message: text, finishedAt: new Date() });
    await auditRotation({ requestId: r.requestId, actor: actor.name, actorSubject: actor.subject, groups: actor.groups, action: "rotation.finish", cluster: r.cluster, namespace: r.namespace, secret: r.secret, outcome: "failure", message: text, detail: { rotationId: r.id, kind: r.kind, state: "failed" } });
  }
  publishRotation(r.id);
  return undefined;
}

/** Appends the rollback steps; they run as `actor` (recorded in the first one's detail). */
async function startRollback(r: RotationRecord, steps: StepRecord[], reason: string, actor: Actor): Promise<void> {
  const names = rollbackSteps(r.plan, steps);
  await beginRollback(r.id, names, "rolling-back", `rolling back: ${reason}`, withActor({ reason }, actor));
  publishRotation(r.id);
}

async function handleCancel(r: RotationRecord, steps: StepRecord[], step: StepRecord): Promise<number | undefined | "continue"> {
  if (r.pointOfNoReturn) {
    await updateRotation(r.id, { cancelRequestedAt: null, cancelRequestedBy: null, message: "cancel refused: the rotation is past its point of no return" });
    publishRotation(r.id);
    return "continue";
  }
  if (stepDef(step.name)?.uncancellable && step.state === "running") {
    await updateStep(r.id, step.index, { message: `${step.message} (cancel requested; waiting for this step's outcome)` });
    return "continue";
  }
  if (step.state === "running" || step.state === "waiting") await updateStep(r.id, step.index, { state: "skipped", message: `cancelled by ${r.cancelRequestedBy ?? "a user"}`, finishedAt: new Date() });
  // The canceller's identity is stored with the request; a request from before that was stored continues as the
  // identity the rotation was running as.
  const actor = r.cancelActor ?? { ...actorOf(r, steps, step.index), via: "cancel" as const };
  await startRollback(r, steps, `cancelled by ${r.cancelRequestedBy ?? "a user"}`, actor);
  return undefined;
}

async function finalize(r: RotationRecord, steps: StepRecord[]): Promise<undefined> {
  const last = steps[steps.length - 1];
  let state: RotationRecord["state"] = "succeeded";
  let message = last?.message ?? "done";
  if (r.phase === "rollback") {
    const first = steps.find((s) => s.phase === "rollback");
    const reason = typeof first?.detail.reason === "string" ? first.detail.reason : "";
    state = r.cancelRequestedAt ? "cancelled" : "rolled-back";
    message = `rolled back (${reason}); the previous value is live again`;
  }
  await updateRotation(r.id, { state, message, finishedAt: new Date() });
  const actor = actorOf(r, steps, last?.index ?? 0);
  await auditRotation({ requestId: r.requestId, actor: actor.name, actorSubject: actor.subject, groups: actor.groups, action: "rotation.finish", cluster: r.cluster, namespace: r.namespace, secret: r.secret, outcome: state === "succeeded" ? "success" : "failure", message: `${r.kind} rotation ${state}: ${message}`, detail: { rotationId: r.id, kind: r.kind, state } });
  publishRotation(r.id);
  return undefined;
}
