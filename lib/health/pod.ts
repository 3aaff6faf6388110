// Health of core/v1 Pod (Argo CD and kstatus rules, DOMAIN.md §7). Pure module.
import type { KubeObject } from "../kinds/object";
import { conditionOf } from "./getters";
import { at, num, rec, recs, str, type Rec } from "./read";
import { formatDuration, nowMs, parseTime } from "./time";
import { DEFAULT_UNSCHEDULABLE_AFTER_MS, type HealthContext, type Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

/** Waiting reasons that mean the container cannot start (Argo CD: starts with "Err", ends with "Error"/"BackOff"). */
export function isFailingWaitingReason(reason: string): boolean {
  return reason.startsWith("Err") || reason.endsWith("Error") || reason.endsWith("BackOff");
}

function containerStatuses(pod: KubeObject): Rec[] {
  return [...recs(pod.status?.initContainerStatuses), ...recs(pod.status?.containerStatuses)];
}

function describeTermination(t: Rec | undefined): string | undefined {
  if (!t) return undefined;
  const code = num(t.exitCode);
  const parts = [str(t.reason), code !== undefined ? `exit code ${code}` : undefined].filter(Boolean);
  const msg = str(t.message);
  return `${parts.join(", ")}${msg ? `: ${msg.trim()}` : ""}`;
}

function restartsLine(pod: KubeObject): string | undefined {
  const total = containerStatuses(pod).reduce((n, cs) => n + (num(cs.restartCount) ?? 0), 0);
  return total > 0 ? `restarted ${total} time${total === 1 ? "" : "s"}` : undefined;
}

/**
 * Pod verdict:
 * - any container waiting with a failing reason (CrashLoopBackOff, ImagePullBackOff, ErrImagePull,
 *   CreateContainerConfigError, …) → Degraded, naming the container, its message and its last termination.
 *   Unlike Argo CD this applies to every restartPolicy: a Never pod that cannot start is just as broken.
 * - Failed → Degraded (pod reason/message, else the first container termination); Succeeded → Healthy.
 * - Pending → Progressing, except PodScheduled=False/Unschedulable for longer than 15 s (kstatus) → Degraded.
 * - Running, restartPolicy Always: Ready → Healthy; a not-ready container with a previous termination → Degraded;
 *   otherwise Progressing. Running with OnFailure/Never → Progressing (a task still running).
 * - no phase → Progressing; phase Unknown → Unknown.
 */
export function podHealth(pod: KubeObject, ctx?: HealthContext): Verdict {
  const phase = str(pod.status?.phase);
  for (const cs of containerStatuses(pod)) {
    const waiting = rec(at(cs, "state", "waiting"));
    const reason = str(waiting?.reason);
    if (reason && isFailingWaitingReason(reason)) {
      const name = str(cs.name) ?? "?";
      const msg = str(waiting?.message);
      const last = describeTermination(rec(at(cs, "lastState", "terminated")));
      const v = verdict("Degraded", reason, `container "${name}": ${reason}${msg ? `: ${msg}` : ""}`);
      return withExtra(v, last ? `last terminated: ${last}` : undefined, restartsLine(pod));
    }
  }
  if (phase === "Failed") {
    const terminated = containerStatuses(pod)
      .map((cs) => ({ name: str(cs.name), t: rec(at(cs, "state", "terminated")) }))
      .find((x) => x.t && (num(x.t.exitCode) ?? 0) !== 0);
    const fromContainer = terminated
      ? `container "${terminated.name}" ${describeTermination(terminated.t)}`
      : undefined;
    const message = str(pod.status?.message) ?? fromContainer ?? "pod failed";
    return verdict("Degraded", str(pod.status?.reason) ?? "Failed", message);
  }
  if (phase === "Succeeded") return verdict("Healthy", "Completed", "pod completed successfully");
  if (phase === "Pending") return pendingVerdict(pod, ctx);
  if (phase === "Running") return runningVerdict(pod);
  if (!phase) return verdict("Progressing", "Pending", "pod has no phase yet");
  return verdict("Unknown", phase, str(pod.status?.message) ?? `pod phase ${phase}`);
}

function pendingVerdict(pod: KubeObject, ctx?: HealthContext): Verdict {
  const scheduled = conditionOf(pod, "PodScheduled");
  if (scheduled?.status === "False" && scheduled.reason === "Unschedulable") {
    const since = parseTime(scheduled.lastTransitionTime);
    const age = since === undefined ? 0 : nowMs(ctx) - since;
    const limit = ctx?.unschedulableAfterMs ?? DEFAULT_UNSCHEDULABLE_AFTER_MS;
    const msg = scheduled.message || "pod cannot be scheduled";
    if (age > limit) return verdict("Degraded", "Unschedulable", `${msg} (for ${formatDuration(age)})`);
    return verdict("Progressing", "Unschedulable", msg);
  }
  const waiting = containerStatuses(pod)
    .map((cs) => ({ name: str(cs.name), w: rec(at(cs, "state", "waiting")) }))
    .find((x) => x.w);
  if (waiting?.w) {
    const reason = str(waiting.w.reason) ?? "Waiting";
    return verdict("Progressing", reason, `container "${waiting.name}": ${reason}`);
  }
  return verdict("Progressing", "Pending", str(pod.status?.message) ?? "pod is pending");
}

function runningVerdict(pod: KubeObject): Verdict {
  const policy = str(pod.spec?.restartPolicy) ?? "Always";
  if (policy !== "Always") return verdict("Progressing", "Running", "pod is running");
  if (conditionOf(pod, "Ready")?.status === "True") {
    return withExtra(verdict("Healthy", "Running", "pod is running and ready"), restartsLine(pod));
  }
  const notReady = recs(pod.status?.containerStatuses).filter((cs) => cs.ready !== true);
  const crashed = notReady.find((cs) => rec(at(cs, "lastState", "terminated")));
  if (crashed) {
    const t = rec(at(crashed, "lastState", "terminated"));
    return withExtra(
      verdict(
        "Degraded",
        str(t?.reason) ?? "NotReady",
        `container "${str(crashed.name)}" is not ready; last terminated: ${describeTermination(t)}`,
      ),
      restartsLine(pod),
    );
  }
  const names = notReady
    .map((cs) => str(cs.name))
    .filter(Boolean)
    .join(", ");
  return verdict(
    "Progressing",
    "ContainersNotReady",
    names ? `containers not ready: ${names}` : "pod is not ready yet",
  );
}
