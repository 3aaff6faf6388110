// Helm hook execution (helm pkg/action/hooks.go execHook): the hooks of one event in weight order, each created
// after its `before-hook-creation` predecessor is deleted (the default policy), recorded as Running, waited for
// (Jobs until complete; other kinds are ready at once), then recorded Succeeded/Failed and deleted when its policy
// says `hook-succeeded`. Hook objects never get Helm's ownership labels: Helm does not track them.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { resolveKind, R } from "../sim/resources";
import { StatusError } from "../store/errors";
import { jobComplete } from "../sim/workload-health";
import { asMaps, getPath } from "../sim/objects";
import type { RenderedObject } from "./chart-objects";
import type { HookRecord, ReleaseRecord } from "./helm-storage";

export type HookEvent =
  "pre-install" | "post-install" | "pre-upgrade" | "post-upgrade" | "pre-rollback" | "post-rollback";

const annotations = (o: RenderedObject) => o.object.metadata.annotations ?? {};
const list = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function hookEvents(o: RenderedObject): string[] {
  return list(annotations(o)["helm.sh/hook"]);
}

export function deletePolicies(o: RenderedObject): string[] {
  const p = list(annotations(o)["helm.sh/hook-delete-policy"]);
  return p.length ? p : ["before-hook-creation"];
}

/** The hooks of an event, stable-sorted by weight (they are already in kind order). */
export function hooksFor(hooks: RenderedObject[], event: HookEvent): RenderedObject[] {
  const weight = (o: RenderedObject) => Number(annotations(o)["helm.sh/hook-weight"] ?? 0) || 0;
  return hooks
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => hookEvents(h).includes(event))
    .sort((a, b) => weight(a.h) - weight(b.h) || a.i - b.i)
    .map(({ h }) => h);
}

function recordOf(rec: ReleaseRecord, hook: RenderedObject): HookRecord | undefined {
  return rec.hooks?.find(
    (h) => h.path === hook.source && h.name === hook.object.metadata.name && h.kind === hook.object.kind,
  );
}

function deleteQuietly(ctx: SimContext, obj: KObject): void {
  const kind = resolveKind(ctx.store, obj.apiVersion, obj.kind);
  if (!kind) return;
  try {
    if (ctx.store.get(kind.key, obj.metadata.namespace, obj.metadata.name))
      ctx.store.delete(kind.key, obj.metadata.namespace, obj.metadata.name);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
  }
}

/** Deletes the previous object and creates the hook; marks it Running in the record. */
export function startHook(ctx: SimContext, rec: ReleaseRecord, hook: RenderedObject, manager: string): void {
  deleteQuietly(ctx, hook.object);
  const kind = resolveKind(ctx.store, hook.object.apiVersion, hook.object.kind);
  if (kind) ctx.store.create(kind.key, structuredClone(hook.object), { fieldManager: manager });
  const r = recordOf(rec, hook);
  if (r) r.last_run = { started_at: new Date().toISOString(), phase: "Running" };
}

export type HookState = "running" | "succeeded" | "failed";

/** Whether a started hook is done: Jobs until Complete (Failed when the Job failed), everything else at once. */
export function hookState(ctx: SimContext, hook: RenderedObject): HookState {
  if (hook.object.kind !== "Job") return "succeeded";
  const live = ctx.store.get(R.jobs, hook.object.metadata.namespace, hook.object.metadata.name);
  if (!live) return "running";
  if (jobComplete(live)) return "succeeded";
  const failed = asMaps(getPath(live, "status.conditions")).some((c) => c.type === "Failed" && c.status === "True");
  return failed ? "failed" : "running";
}

/** Records the outcome and applies the `hook-succeeded` / `hook-failed` delete policies. */
export function finishHook(
  ctx: SimContext,
  rec: ReleaseRecord,
  hook: RenderedObject,
  state: "succeeded" | "failed",
): void {
  const r = recordOf(rec, hook);
  if (r)
    r.last_run = {
      ...r.last_run,
      completed_at: new Date().toISOString(),
      phase: state === "succeeded" ? "Succeeded" : "Failed",
    };
  const policy = state === "succeeded" ? "hook-succeeded" : "hook-failed";
  if (deletePolicies(hook).includes(policy)) deleteQuietly(ctx, hook.object);
}

/** Runs the hooks of an event that need no waiting (Secrets, ConfigMaps); returns the Jobs left to wait for. */
export function runImmediateHooks(
  ctx: SimContext,
  rec: ReleaseRecord,
  hooks: RenderedObject[],
  manager: string,
): RenderedObject[] {
  const waiting: RenderedObject[] = [];
  for (const h of hooks) {
    if (waiting.length || h.object.kind === "Job") {
      waiting.push(h);
      continue;
    }
    startHook(ctx, rec, h, manager);
    finishHook(ctx, rec, h, "succeeded");
  }
  return waiting;
}
