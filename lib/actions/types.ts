// Types shared by the action pipeline, the tracker and the API views. Pure module.
import type { ActionName } from "./catalog";

export const OPERATION_STATES = ["requested", "acknowledged", "reconciling", "succeeded", "failed", "timed-out"] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

export const ACTIVE_STATES: readonly OperationState[] = ["requested", "acknowledged", "reconciling"];
export const TERMINAL_STATES: readonly OperationState[] = ["succeeded", "failed", "timed-out"];

export function isTerminal(state: OperationState): boolean {
  return TERMINAL_STATES.includes(state);
}

export function isOperationState(value: string): value is OperationState {
  return (OPERATION_STATES as readonly string[]).includes(value);
}

/** How a step's progress is judged (lib/actions/progress*.ts). */
export type ProgressKind = "reconcile" | "force" | "reset" | "suspend" | "resume" | "force-sync" | "restart";

/** What the object looked like right before our patch — evaluation compares against it. */
export interface StepBaseline {
  /** ExternalSecret `status.syncedResourceVersion` before the force-sync. */
  syncedResourceVersion?: string;
  /** Ready condition message and transition time before the request. */
  readyMessage?: string;
  readyTransition?: string;
  /** HelmRelease failure counters before a reset. */
  failures?: number;
}

/** One object an operation patches and waits on. `withSource` operations have the sources first. */
export interface StepRecord {
  resource: string;
  kind: string;
  namespace: string | null;
  name: string;
  role: "source" | "target";
  progress: ProgressKind;
  state: OperationState;
  message: string;
  /** The Kubernetes user the patch is sent as (impersonated, with the operation's groups). */
  actor: string;
  timeoutMs: number;
  /** The token or timestamp written (Flux token, restart timestamp, ESO unix seconds). */
  token?: string;
  /** The merge patch sent (for the record). */
  patch?: unknown;
  sentAt?: string;
  acknowledgedAt?: string;
  finishedAt?: string;
  /** sentAt + timeoutMs. */
  deadline?: string;
  /** metadata.generation in the PATCH response (the generation to wait for). */
  generation?: number;
  baseline?: StepBaseline;
}

/** Result of evaluating one step against the current object. */
export interface StepProgress {
  state: OperationState;
  message: string;
}

/** The target of an action request. */
export interface ActionTarget {
  resource: string;
  namespace?: string;
  name: string;
}

export interface ActionRequest extends ActionTarget {
  action: ActionName;
  withSource?: boolean;
  reason?: string;
}
