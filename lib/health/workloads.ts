// Health of Deployment, StatefulSet, DaemonSet and ReplicaSet, following `kubectl rollout status`, kstatus and
// Argo CD (DOMAIN.md §7). Messages use kubectl's wording. Pure module.
import type { KubeObject } from "../kinds/object";
import { conditionOf } from "./getters";
import { at, bool, num, str } from "./read";
import type { Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

function observedBehind(obj: KubeObject): boolean {
  const gen = obj.metadata.generation;
  const observed = obj.status?.observedGeneration;
  if (gen === undefined) return false;
  return typeof observed !== "number" || observed < gen;
}

function replicasOf(obj: KubeObject): number {
  return num(obj.spec?.replicas) ?? 1;
}

function statusNum(obj: KubeObject, field: string): number {
  return num(obj.status?.[field]) ?? 0;
}

/**
 * Deployment: paused → Suspended; generation not observed → Progressing (stale); Progressing condition with reason
 * ProgressDeadlineExceeded → Degraded; updated < desired, old replicas pending termination, or available < updated
 * → Progressing ("2 of 3 updated replicas are available..."); else Healthy.
 */
export function deploymentHealth(obj: KubeObject): Verdict {
  const name = obj.metadata.name;
  if (bool(obj.spec?.paused)) return verdict("Suspended", "Paused", `deployment "${name}" is paused`);
  if (observedBehind(obj)) {
    return verdict(
      "Progressing",
      "LatestGenerationNotObserved",
      `Waiting for deployment spec update to be observed...`,
      { stale: true },
    );
  }
  const progressing = conditionOf(obj, "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") {
    return verdict(
      "Degraded",
      "ProgressDeadlineExceeded",
      progressing.message || `deployment "${name}" exceeded its progress deadline`,
    );
  }
  const desired = replicasOf(obj);
  const updated = statusNum(obj, "updatedReplicas");
  const current = statusNum(obj, "replicas");
  const available = statusNum(obj, "availableReplicas");
  const prefix = `Waiting for deployment "${name}" rollout to finish:`;
  if (updated < desired) {
    return verdict(
      "Progressing",
      "RolloutInProgress",
      `${prefix} ${updated} out of ${desired} new replicas have been updated...`,
    );
  }
  if (current > updated) {
    return verdict(
      "Progressing",
      "RolloutInProgress",
      `${prefix} ${current - updated} old replicas are pending termination...`,
    );
  }
  if (available < updated) {
    return verdict(
      "Progressing",
      "RolloutInProgress",
      `${prefix} ${available} of ${updated} updated replicas are available...`,
    );
  }
  const msg = desired === 0 ? `deployment "${name}" is scaled to zero` : `deployment "${name}" successfully rolled out`;
  return verdict("Healthy", desired === 0 ? "ScaledToZero" : "RolledOut", msg);
}

/**
 * StatefulSet: generation not observed → Progressing (stale); OnDelete → Healthy (pods change only when deleted;
 * pods on an old revision are noted in `extra`); ready < desired → Progressing; RollingUpdate with a partition →
 * Progressing until the pods at or above the partition are updated, then Healthy; currentRevision ≠ updateRevision
 * → Progressing; else Healthy.
 */
export function statefulSetHealth(obj: KubeObject): Verdict {
  const name = obj.metadata.name;
  if (observedBehind(obj)) {
    return verdict(
      "Progressing",
      "LatestGenerationNotObserved",
      "Waiting for statefulset spec update to be observed...",
      { stale: true },
    );
  }
  const desired = replicasOf(obj);
  const ready = statusNum(obj, "readyReplicas");
  const updated = statusNum(obj, "updatedReplicas");
  const currentRev = str(obj.status?.currentRevision);
  const updateRev = str(obj.status?.updateRevision);
  const strategy = str(at(obj.spec, "updateStrategy", "type")) ?? "RollingUpdate";

  if (strategy === "OnDelete") {
    const v = verdict(
      "Healthy",
      "OnDelete",
      `statefulset "${name}" uses the OnDelete update strategy: pods are updated only when deleted`,
    );
    const behind = desired - updated;
    if (updateRev && currentRev && updateRev !== currentRev && behind > 0) {
      return withExtra(
        v,
        `${behind} pod${behind === 1 ? "" : "s"} still on revision ${currentRev}; delete them to move to ${updateRev}`,
      );
    }
    return ready < desired ? withExtra(v, `${ready} of ${desired} pods ready`) : v;
  }
  if (ready < desired) {
    return verdict("Progressing", "RolloutInProgress", `Waiting for ${desired - ready} pods to be ready...`);
  }
  const partition = num(at(obj.spec, "updateStrategy", "rollingUpdate", "partition")) ?? 0;
  if (partition > 0) {
    const target = Math.max(0, desired - partition);
    if (updated < target) {
      return verdict(
        "Progressing",
        "PartitionedRollout",
        `Waiting for partitioned roll out to finish: ${updated} out of ${target} new pods have been updated...`,
      );
    }
    const v = verdict(
      "Healthy",
      "PartitionedRolloutComplete",
      `partitioned roll out complete: ${updated} new pods have been updated...`,
    );
    return updateRev && currentRev && updateRev !== currentRev
      ? withExtra(v, `partition ${partition}: pods below ordinal ${partition} stay on revision ${currentRev}`)
      : v;
  }
  if (updateRev && currentRev !== updateRev) {
    return verdict(
      "Progressing",
      "RolloutInProgress",
      `waiting for statefulset rolling update to complete ${updated} pods at revision ${updateRev}...`,
    );
  }
  return verdict(
    "Healthy",
    "RolledOut",
    `statefulset rolling update complete ${ready} pods at revision ${currentRev ?? "unknown"}...`,
  );
}

/** DaemonSet: generation not observed, OnDelete (Healthy), then updated/available vs desired scheduled. */
export function daemonSetHealth(obj: KubeObject): Verdict {
  const name = obj.metadata.name;
  if (observedBehind(obj)) {
    return verdict(
      "Progressing",
      "LatestGenerationNotObserved",
      "Waiting for daemon set spec update to be observed...",
      { stale: true },
    );
  }
  if (str(at(obj.spec, "updateStrategy", "type")) === "OnDelete") {
    return verdict("Healthy", "OnDelete", `daemon set "${name}" uses the OnDelete update strategy`);
  }
  const desired = statusNum(obj, "desiredNumberScheduled");
  const updated = statusNum(obj, "updatedNumberScheduled");
  const available = statusNum(obj, "numberAvailable");
  const prefix = `Waiting for daemon set "${name}" rollout to finish:`;
  if (updated < desired) {
    return verdict(
      "Progressing",
      "RolloutInProgress",
      `${prefix} ${updated} out of ${desired} new pods have been updated...`,
    );
  }
  if (available < desired) {
    return verdict(
      "Progressing",
      "RolloutInProgress",
      `${prefix} ${available} of ${desired} updated pods are available...`,
    );
  }
  return verdict("Healthy", "RolledOut", `daemon set "${name}" successfully rolled out`);
}

/** ReplicaSet: ReplicaFailure=True → Degraded; available < desired → Progressing; else Healthy. */
export function replicaSetHealth(obj: KubeObject): Verdict {
  const failure = conditionOf(obj, "ReplicaFailure");
  if (failure?.status === "True") {
    return verdict("Degraded", failure.reason || "ReplicaFailure", failure.message || "replica creation failed");
  }
  const desired = replicasOf(obj);
  const available = statusNum(obj, "availableReplicas");
  if (observedBehind(obj))
    return verdict("Progressing", "LatestGenerationNotObserved", "waiting for spec update to be observed", {
      stale: true,
    });
  if (available < desired) {
    return verdict("Progressing", "Scaling", `${available} of ${desired} replicas available`);
  }
  return verdict("Healthy", "Available", `${available} of ${desired} replicas available`);
}
