// Whether a restarted workload rolled out with healthy pods. The rollout rule is lib/actions' (kubectl rollout
// status, after the controller observed our generation); on top, any pod of the workload started after our restart
// that is Degraded (CrashLoopBackOff, CreateContainerConfigError, …) fails at once instead of waiting for the
// progress deadline. Pure.
import { evaluateRestart } from "@/lib/actions/progress-workload";
import type { StepRecord as ActionStep } from "@/lib/actions/types";
import { healthOf } from "@/lib/health";
import { at, isRec } from "@/lib/health/read";
import { parseTime } from "@/lib/health/time";
import type { KubeObject } from "@/lib/kinds/object";

export interface RolloutInput {
  workload: KubeObject;
  /** metadata.generation returned by our restart patch. */
  generation: number | undefined;
  /** The restartedAt value we wrote (RFC 3339, second precision). */
  token: string;
  /** Pods of the workload's namespace. */
  pods: KubeObject[];
  now: number;
}

export type RolloutState = { state: "done"; message: string } | { state: "waiting"; message: string } | { state: "failed"; message: string };

function probe(workload: KubeObject, generation: number | undefined): ActionStep {
  return {
    resource: workload.kind === "StatefulSet" ? "statefulsets" : "deployments",
    kind: workload.kind,
    namespace: workload.metadata.namespace ?? null,
    name: workload.metadata.name,
    role: "target",
    progress: "restart",
    state: "reconciling",
    message: "",
    actor: "",
    timeoutMs: 0,
    generation,
  };
}

function selects(workload: KubeObject, pod: KubeObject): boolean {
  const match = at(workload.spec, "selector", "matchLabels");
  if (!isRec(match) || Object.keys(match).length === 0) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(match).every(([k, v]) => labels[k] === v);
}

/** Pods of the workload created at or after the restart (second precision, like the token). */
export function newPods(input: RolloutInput): KubeObject[] {
  const since = Math.floor((parseTime(input.token) ?? 0) / 1000) * 1000;
  return input.pods.filter(
    (p) => p.metadata.namespace === input.workload.metadata.namespace && !p.metadata.deletionTimestamp && selects(input.workload, p) && (parseTime(p.metadata.creationTimestamp) ?? 0) >= since,
  );
}

export function rolloutState(input: RolloutInput): RolloutState {
  const w = input.workload;
  const label = `${w.kind} ${w.metadata.name}`;
  for (const pod of newPods(input)) {
    const v = healthOf(pod, { now: input.now });
    if (v.status === "Degraded") return { state: "failed", message: `${label}: pod ${pod.metadata.name} is unhealthy: ${v.message}` };
  }
  const p = evaluateRestart(probe(w, input.generation), w);
  if (p.state === "succeeded") return { state: "done", message: `${label}: ${p.message}` };
  if (p.state === "failed") return { state: "failed", message: `${label}: ${p.message}` };
  return { state: "waiting", message: `${label}: ${p.message}` };
}

/** Containers named like git-sync that are not ready in the workload's new pods ("" when all are). */
export function gitSyncNotReady(input: RolloutInput): string {
  for (const pod of newPods(input)) {
    for (const cs of (pod.status?.containerStatuses as unknown[]) ?? []) {
      if (!isRec(cs) || typeof cs.name !== "string" || !cs.name.includes("git-sync")) continue;
      if (cs.ready !== true) return `pod ${pod.metadata.name}: container ${cs.name} is not ready`;
    }
  }
  return "";
}
