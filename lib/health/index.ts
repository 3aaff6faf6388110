// lib/health: pure object → health verdict (DESIGN.md §3). No I/O.
import type { KubeObject } from "../kinds/object";
import { esoHealth, ESO_KINDS } from "./eso";
import { fluxHealth, FLUX_KINDS } from "./flux";
import { genericHealth } from "./generic";
import { jobHealth } from "./job";
import { deletionVerdict } from "./lifecycle";
import { pdbHealth } from "./pdb";
import { podHealth } from "./pod";
import { secretHealth } from "./secret";
import type { HealthContext, Verdict } from "./types";
import { daemonSetHealth, deploymentHealth, replicaSetHealth, statefulSetHealth } from "./workloads";

export type { HealthContext, HealthStatus, Verdict } from "./types";
export { DEFAULT_STUCK_AFTER_MS, DEFAULT_UNSCHEDULABLE_AFTER_MS } from "./types";
export {
  conditionOf,
  isSuspended,
  lastReconciledAt,
  revisionOf,
  shortRevision,
  suspendInfo,
  SUSPENDED_AT_ANNOTATION,
  SUSPENDED_BY_ANNOTATION,
  SUSPENDED_REASON_ANNOTATION,
  type SuspendInfo,
} from "./getters";
export { unobservedGeneration } from "./flux";
export { hasArtifact } from "./flux-sources";
export { ESO_MANAGED_LABEL } from "./secret";
export { formatDuration, parseTime } from "./time";

const WORKLOAD_RULES: Record<string, (obj: KubeObject) => Verdict> = {
  Deployment: deploymentHealth,
  StatefulSet: statefulSetHealth,
  DaemonSet: daemonSetHealth,
  ReplicaSet: replicaSetHealth,
  Job: jobHealth,
  PodDisruptionBudget: pdbHealth,
};

/**
 * The health verdict of any object, dispatched by kind: Flux kinds (DESIGN.md §3 order), ESO kinds (first Ready
 * condition decides), Deployment/StatefulSet/DaemonSet/ReplicaSet/Job/PDB/Pod (kstatus, `kubectl rollout status`,
 * Argo CD), Secret (its ExternalSecret's health via `ctx.ownerOf`), anything else by kstatus' generic rules.
 * A pending deletion is judged first for every kind. `ctx.now` drives the time-based rules.
 */
export function healthOf(obj: KubeObject, ctx?: HealthContext): Verdict {
  const kind = obj.kind;
  if (FLUX_KINDS.has(kind)) return fluxHealth(obj, ctx);
  if (ESO_KINDS.has(kind)) return esoHealth(obj, ctx);
  if (kind === "Secret") return secretHealth(obj, ctx);
  const deleting = deletionVerdict(obj, ctx);
  if (deleting) return deleting;
  if (kind === "Pod") return podHealth(obj, ctx);
  const rule = WORKLOAD_RULES[kind];
  if (rule) return rule(obj);
  return genericHealth(obj, ctx);
}
