// Progress evaluation of one step and of a whole operation. Pure: the object, its children and "now" are inputs,
// so every transition is unit-tested as a table (progress.test.ts).
import type { KubeObject } from "@/lib/kinds/object";
import { formatTimeout } from "./duration";
import { evaluateForceSync } from "./progress-eso";
import { evaluateFluxRequest, evaluateResume, evaluateSuspend } from "./progress-flux";
import { evaluateRestart } from "./progress-workload";
import { isTerminal, type OperationState, type StepProgress, type StepRecord } from "./types";

export interface StepInput {
  step: StepRecord;
  /** The current object; undefined when it no longer exists (only pass undefined when the cache is synced). */
  object: KubeObject | undefined;
  now: number;
  /** ClusterExternalSecret force-sync: the ExternalSecrets it provisions. */
  children?: KubeObject[];
}

function evaluateKind(input: StepInput & { object: KubeObject }): StepProgress {
  const { step, object } = input;
  switch (step.progress) {
    case "reconcile":
    case "force":
    case "reset":
      return evaluateFluxRequest(step, object);
    case "suspend":
      return evaluateSuspend(object);
    case "resume":
      return evaluateResume(step, object);
    case "force-sync":
      return evaluateForceSync(step, object, input.children);
    case "restart":
      return evaluateRestart(step, object);
  }
}

/** The state of a sent step: terminal states stay; past the deadline a non-terminal step is timed out. */
export function evaluateStep(input: StepInput): StepProgress {
  const { step } = input;
  if (isTerminal(step.state)) return { state: step.state, message: step.message };
  const current: StepProgress = input.object
    ? evaluateKind({ ...input, object: input.object })
    : { state: "failed", message: `${step.kind} ${step.namespace ? `${step.namespace}/` : ""}${step.name} no longer exists` };
  const deadline = step.deadline ? Date.parse(step.deadline) : NaN;
  if (!isTerminal(current.state) && Number.isFinite(deadline) && input.now >= deadline) {
    return { state: "timed-out", message: `no result within ${formatTimeout(step.timeoutMs)}; last state: ${current.message}` };
  }
  return current;
}

/** Index of the step being worked on: the first that is not succeeded (or the last one). */
export function currentStepIndex(steps: readonly StepRecord[]): number {
  const i = steps.findIndex((s) => s.state !== "succeeded");
  return i === -1 ? steps.length - 1 : i;
}

function label(step: StepRecord): string {
  return `${step.kind} ${step.namespace ? `${step.namespace}/` : ""}${step.name}`;
}

/**
 * The operation's state from its steps: a failed or timed-out step ends the operation; all succeeded → succeeded;
 * while the first step is waiting the operation is requested/acknowledged; once a later step is running the
 * operation is reconciling. Multi-step messages name the object.
 */
export function overallProgress(steps: readonly StepRecord[]): StepProgress {
  if (steps.length === 0) return { state: "failed", message: "operation has no steps" };
  const ended = steps.find((s) => s.state === "failed" || s.state === "timed-out");
  const multi = steps.length > 1;
  const withLabel = (s: StepRecord) => (multi ? `${label(s)}: ${s.message}` : s.message);
  if (ended) return { state: ended.state, message: withLabel(ended) };
  const i = currentStepIndex(steps);
  const step = steps[i];
  if (step.state === "succeeded") return { state: "succeeded", message: withLabel(step) };
  let state: OperationState = step.state;
  if (i > 0 && (state === "requested" || state === "acknowledged")) state = "reconciling";
  return { state, message: withLabel(step) };
}
