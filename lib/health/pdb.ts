// Health of policy/v1 PodDisruptionBudget. Pure module.
import type { KubeObject } from "../kinds/object";
import { conditionOf } from "./getters";
import { num } from "./read";
import type { Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

/**
 * PodDisruptionBudget (our decision; kstatus calls every PDB Current):
 * - generation not observed → Progressing (stale);
 * - `currentHealthy < desiredHealthy` (with pods expected) → **Degraded** "InsufficientPods": the application is
 *   below the availability it declared, and voluntary disruptions (node drains) are blocked. This can flap briefly
 *   during a rollout; the pods' own verdicts say why.
 * - selects no pods → Healthy with an extra warning;
 * - `disruptionsAllowed == 0` but enough healthy pods (e.g. 1 replica with minAvailable 1) → Healthy with the extra
 *   "no voluntary disruptions allowed: node drains will block";
 * - else Healthy.
 */
export function pdbHealth(obj: KubeObject): Verdict {
  const gen = obj.metadata.generation;
  const observed = obj.status?.observedGeneration;
  if (gen !== undefined && typeof observed === "number" && observed < gen) {
    return verdict(
      "Progressing",
      "LatestGenerationNotObserved",
      "waiting for the disruption controller to observe the budget",
      { stale: true },
    );
  }
  if (!obj.status) return verdict("Progressing", "NotObserved", "waiting for the disruption controller");
  const current = num(obj.status.currentHealthy) ?? 0;
  const desired = num(obj.status.desiredHealthy) ?? 0;
  const expected = num(obj.status.expectedPods) ?? 0;
  const allowed = num(obj.status.disruptionsAllowed) ?? 0;
  const cond = conditionOf(obj, "DisruptionAllowed");
  if (expected > 0 && current < desired) {
    return verdict(
      "Degraded",
      cond?.reason || "InsufficientPods",
      `${current} of ${desired} required pods healthy (${expected} expected); no voluntary disruptions allowed`,
    );
  }
  const v = verdict(
    "Healthy",
    cond?.reason || "SufficientPods",
    `${current} healthy pods, ${desired} required; ${allowed} disruption${allowed === 1 ? "" : "s"} allowed`,
  );
  if (expected === 0) return withExtra(v, "selects no pods");
  if (allowed === 0) return withExtra(v, "no voluntary disruptions allowed: node drains will block");
  return v;
}
