// What a step sees when it runs once, and how it is defined. Steps are idempotent: they look at the cluster
// first and write only what is missing, and they persist what they are about to write (tokens, Job names) BEFORE
// writing, so a restarted server can tell whether the write landed.
import "server-only";
import type { JsonObject } from "@/lib/db/json-text";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { Actor } from "../actors";
import type { Impersonation } from "../kube";
import type { RotationRecord, StepRecord, StepResult } from "../types";

export interface StepContext {
  rotation: RotationRecord;
  step: StepRecord;
  /** Every step of the journal (forward and rollback), in order. */
  steps: StepRecord[];
  /** Who this step runs as (the creator, or whoever confirmed, cancelled or rolled back since). */
  actor: Actor;
  /** The actor's Kubernetes identity: every request of the step impersonates it. */
  as: Impersonation;
  cache: ClusterCache;
  /** Persists the step's detail (and message) now. */
  save(detail: JsonObject, message?: string): Promise<void>;
  /** From now on the rotation cannot be rolled back (persisted before the irreversible write). */
  markPointOfNoReturn(): Promise<void>;
}

export interface StepDef {
  name: string;
  title: string;
  run(ctx: StepContext): Promise<StepResult>;
  /** A step still waiting after this long fails (default: the rotation's timeoutMinutes). */
  timeoutMs?: (ctx: StepContext) => number;
  /** Cancelling is refused while this step runs (e.g. ALTER ROLE in flight: its outcome decides what to undo). */
  uncancellable?: boolean;
}

export const done = (message: string, detail?: JsonObject): StepResult => ({ kind: "done", message, detail });
export const wait = (message: string, detail?: JsonObject, retryMs?: number): StepResult => ({ kind: "wait", message, detail, retryMs });
export const fail = (message: string, detail?: JsonObject): StepResult => ({ kind: "fail", message, detail });
export const confirm = (message: string, detail?: JsonObject): StepResult => ({ kind: "confirm", message, detail });

/** A string field of the step's detail. */
export function detailString(ctx: StepContext, field: string): string | undefined {
  const v = ctx.step.detail[field];
  return typeof v === "string" ? v : undefined;
}

/** The forward step with this name (rollback steps look at what the forward phase did). */
export function forwardStep(ctx: StepContext, name: string): StepRecord | undefined {
  return ctx.steps.find((s) => s.phase === "forward" && s.name === name);
}

export function started(step: StepRecord | undefined): boolean {
  return !!step && step.state !== "pending" && step.state !== "skipped";
}
