// Health of kinds without a dedicated rule (kstatus generic rules). Pure module.
import type { KubeObject } from "../kinds/object";
import { conditionOf } from "./getters";
import { deletionVerdict } from "./lifecycle";
import { at, str } from "./read";
import type { HealthContext, Verdict } from "./types";
import { verdict } from "./verdict";

const ALWAYS_PRESENT = new Set([
  "ConfigMap",
  "Service",
  "ServiceAccount",
  "Event",
  "CronJob",
  "Role",
  "RoleBinding",
  "ClusterRole",
  "ClusterRoleBinding",
]);

/**
 * kstatus-style generic rule: deletion pending → stale generation → Stalled=True → Reconciling=True → Ready
 * True/False/Unknown → Healthy "present". Namespace phase Terminating → Progressing; PVC Bound/Pending/Lost.
 */
export function genericHealth(obj: KubeObject, ctx?: HealthContext): Verdict {
  const deleting = deletionVerdict(obj, ctx);
  if (deleting) return deleting;
  if (ALWAYS_PRESENT.has(obj.kind)) return verdict("Healthy", "Present", "present");
  if (obj.kind === "Namespace") {
    return str(obj.status?.phase) === "Terminating"
      ? verdict("Progressing", "Terminating", "namespace is terminating")
      : verdict("Healthy", "Active", "namespace is active");
  }
  if (obj.kind === "PersistentVolumeClaim") return pvcHealth(obj);
  const gen = obj.metadata.generation;
  const observed = obj.status?.observedGeneration;
  if (gen !== undefined && typeof observed === "number" && observed !== gen) {
    return verdict(
      "Progressing",
      "LatestGenerationNotObserved",
      `waiting for the controller to observe generation ${gen} (last observed ${observed})`,
      { stale: true },
    );
  }
  const stalled = conditionOf(obj, "Stalled");
  if (stalled?.status === "True") {
    return verdict("Degraded", stalled.reason || "Stalled", stalled.message || "stalled", { stalled: true });
  }
  const reconciling = conditionOf(obj, "Reconciling");
  if (reconciling?.status === "True") {
    return verdict("Progressing", reconciling.reason || "Reconciling", reconciling.message || "reconciling");
  }
  const ready = conditionOf(obj, "Ready");
  if (ready?.status === "True") return verdict("Healthy", ready.reason || "Ready", ready.message || "ready");
  if (ready?.status === "False") return verdict("Degraded", ready.reason || "NotReady", ready.message || "not ready");
  if (ready) return verdict("Progressing", ready.reason || "Progressing", ready.message || "in progress");
  return verdict("Healthy", "Current", "Resource is current");
}

function pvcHealth(obj: KubeObject): Verdict {
  const phase = str(at(obj.status, "phase"));
  if (phase === "Bound") return verdict("Healthy", "Bound", "claim is bound");
  if (phase === "Lost") return verdict("Degraded", "Lost", "claim lost its volume");
  return verdict("Progressing", phase ?? "Pending", "claim is pending");
}
