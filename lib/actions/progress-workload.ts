// Progress of a rollout restart, by `kubectl rollout status` rules (DOMAIN.md §3) as lib/health implements them:
// first the controller must observe the generation our patch produced, then the rollout must complete. Pure.
import { healthOf } from "@/lib/health";
import { num } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { StepProgress, StepRecord } from "./types";

export function evaluateRestart(step: StepRecord, obj: KubeObject): StepProgress {
  const observed = num(obj.status?.observedGeneration);
  const kind = obj.kind.toLowerCase();
  if (step.generation !== undefined && (observed === undefined || observed < step.generation)) {
    return { state: "requested", message: `waiting for the ${kind} controller to observe generation ${step.generation}` };
  }
  const v = healthOf(obj);
  switch (v.status) {
    case "Healthy":
      return { state: "succeeded", message: v.message };
    case "Degraded":
      return { state: "failed", message: v.message };
    case "Suspended":
      return { state: "failed", message: v.message };
    default:
      return { state: "reconciling", message: v.message };
  }
}
