// Readiness of workloads the way `kubectl rollout status` / Helm's wait judge it.
import type { KObject } from "../store/types";
import { asMap, asMaps, asNumber, asString, getPath, specOf, statusOf } from "./objects";
import { getCondition } from "./conditions";

export function desiredReplicas(obj: KObject): number {
  return asNumber(specOf(obj).replicas) ?? 1;
}

export function deploymentReady(d: KObject): boolean {
  const st = statusOf(d);
  const want = desiredReplicas(d);
  return (
    (asNumber(st.observedGeneration) ?? 0) >= (d.metadata.generation ?? 1) &&
    (asNumber(st.updatedReplicas) ?? 0) === want &&
    (asNumber(st.replicas) ?? 0) === want &&
    (asNumber(st.availableReplicas) ?? 0) === want
  );
}

export function statefulSetReady(s: KObject): boolean {
  const st = statusOf(s);
  const want = desiredReplicas(s);
  if ((asNumber(st.observedGeneration) ?? 0) < (s.metadata.generation ?? 1)) return false;
  if ((asNumber(st.readyReplicas) ?? 0) !== want) return false;
  if (asString(getPath(s, "spec.updateStrategy.type")) === "OnDelete") return true;
  const partition = asNumber(getPath(s, "spec.updateStrategy.rollingUpdate.partition")) ?? 0;
  if (partition > 0) return (asNumber(st.updatedReplicas) ?? 0) >= want - partition;
  return asString(st.updateRevision) === asString(st.currentRevision);
}

export function jobComplete(j: KObject): boolean {
  return getCondition(j, "Complete")?.status === "True";
}

export function jobFailed(j: KObject): boolean {
  return getCondition(j, "Failed")?.status === "True";
}

/** "CreateContainerConfigError: secret \"x\" not found" for the first unhealthy container of a pod. */
export function podProblem(pod: KObject): string | undefined {
  const statuses = [
    ...asMaps(getPath(pod, "status.initContainerStatuses")),
    ...asMaps(getPath(pod, "status.containerStatuses")),
  ];
  for (const cs of statuses) {
    const waiting = asMap(getPath(cs, "state.waiting"));
    if (waiting && asString(waiting.reason) !== "PodInitializing") {
      const msg = asString(waiting.message);
      return `${asString(waiting.reason) ?? "Waiting"}${msg ? `: ${msg}` : ""}`;
    }
  }
  if (getCondition(pod, "Ready")?.status !== "True")
    return asString(statusOf(pod).phase) === "Pending" ? "Pending" : "not ready";
  return undefined;
}

const HARD_WAITING = new Set([
  "CreateContainerConfigError",
  "CrashLoopBackOff",
  "ErrImagePull",
  "ImagePullBackOff",
  "InvalidImageName",
  "RunContainerError",
  "CreateContainerError",
]);

/** True when a pod cannot become ready without outside help (a config error, a crash loop). */
export function podStuck(pod: KObject): boolean {
  const statuses = [
    ...asMaps(getPath(pod, "status.initContainerStatuses")),
    ...asMaps(getPath(pod, "status.containerStatuses")),
  ];
  return statuses.some(
    (cs) => HARD_WAITING.has(asString(getPath(cs, "state.waiting.reason")) ?? "") || (cs.restartCount as number) > 0,
  );
}

export function isPodReady(pod: KObject): boolean {
  return getCondition(pod, "Ready")?.status === "True";
}
