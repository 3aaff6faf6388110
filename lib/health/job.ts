// Health of batch/v1 Job (Argo CD rules, DOMAIN.md §7.2). Pure module.
import type { KubeObject } from "../kinds/object";
import { conditionOf, isSuspended } from "./getters";
import { num } from "./read";
import type { Verdict } from "./types";
import { verdict } from "./verdict";

/**
 * Job: Failed=True (or FailureTarget=True) → Degraded; Suspended=True or `spec.suspend` → Suspended ("Job
 * suspended"); Complete=True → Healthy; otherwise Progressing with active/succeeded/failed pod counts.
 */
export function jobHealth(obj: KubeObject): Verdict {
  const failed = conditionOf(obj, "Failed");
  if (failed?.status === "True") {
    return verdict("Degraded", failed.reason || "Failed", failed.message || "Job failed");
  }
  const failureTarget = conditionOf(obj, "FailureTarget");
  if (failureTarget?.status === "True") {
    return verdict("Degraded", failureTarget.reason || "FailureTarget", failureTarget.message || "Job is failing");
  }
  const suspended = conditionOf(obj, "Suspended");
  if (suspended?.status === "True" || isSuspended(obj)) {
    return verdict("Suspended", suspended?.reason || "JobSuspended", suspended?.message || "Job suspended");
  }
  const complete = conditionOf(obj, "Complete");
  if (complete?.status === "True") {
    return verdict("Healthy", complete.reason || "Completed", complete.message || "Job completed");
  }
  const active = num(obj.status?.active) ?? 0;
  const succeeded = num(obj.status?.succeeded) ?? 0;
  const failedPods = num(obj.status?.failed) ?? 0;
  if (!obj.status?.startTime) return verdict("Progressing", "NotStarted", "Job not started yet");
  const parts = [`${active} active`, `${succeeded} succeeded`];
  if (failedPods > 0) parts.push(`${failedPods} failed`);
  return verdict("Progressing", "Running", `Job running: ${parts.join(", ")}`);
}
