// Helm's --wait: every rendered Deployment/StatefulSet rolled out and every post-install/upgrade hook Job
// complete. When not ready, explains why with the first failing pod (used in the failure message).
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, getPath, matchesLabels } from "../sim/objects";
import { deploymentReady, jobComplete, podProblem, podStuck, statefulSetReady } from "../sim/workload-health";

export interface WaitResult {
  ready: boolean;
  reason?: string;
  hookPending?: boolean;
  /** Some pod cannot make progress on its own (config error, crash loop). */
  stuck?: boolean;
}

export function waitForRelease(ctx: SimContext, manifests: KObject[], hooks: KObject[]): WaitResult {
  for (const m of manifests) {
    if (m.kind !== "Deployment" && m.kind !== "StatefulSet") continue;
    const key = m.kind === "Deployment" ? R.deployments : R.statefulsets;
    const live = ctx.store.get(key, m.metadata.namespace, m.metadata.name);
    const ok = live && (m.kind === "Deployment" ? deploymentReady(live) : statefulSetReady(live));
    if (!ok)
      return {
        ready: false,
        stuck: anyStuck(ctx, manifests, hooks),
        reason: `${m.kind}/${m.metadata.namespace}/${m.metadata.name} not ready${explain(ctx, m)}`,
      };
  }
  for (const h of hooks) {
    if (h.kind !== "Job") continue;
    const live = ctx.store.get(R.jobs, h.metadata.namespace, h.metadata.name);
    if (!live || !jobComplete(live)) {
      return {
        ready: false,
        hookPending: true,
        stuck: anyStuck(ctx, manifests, hooks),
        reason: `Job/${h.metadata.namespace}/${h.metadata.name} not complete${explain(ctx, h)}`,
      };
    }
  }
  return { ready: true };
}

function anyStuck(ctx: SimContext, manifests: KObject[], hooks: KObject[]): boolean {
  const selectors = [...manifests, ...hooks]
    .filter((m) => m.kind === "Deployment" || m.kind === "StatefulSet" || m.kind === "Job")
    .map(
      (m) =>
        (asMap(getPath(m, "spec.selector.matchLabels")) ?? asMap(getPath(m, "spec.template.metadata.labels"))) as
          Record<string, string> | undefined,
    )
    .filter((s): s is Record<string, string> => s !== undefined);
  const namespace = manifests[0]?.metadata.namespace ?? hooks[0]?.metadata.namespace;
  return ctx.store
    .list(R.pods, namespace)
    .some((p) => selectors.some((s) => matchesLabels(p.metadata.labels, s)) && podStuck(p));
}

function explain(ctx: SimContext, workload: KObject): string {
  const selector = (asMap(getPath(workload, "spec.selector.matchLabels")) ??
    asMap(getPath(workload, "spec.template.metadata.labels"))) as Record<string, string> | undefined;
  if (!selector) return "";
  for (const pod of ctx.store.list(R.pods, workload.metadata.namespace)) {
    if (!matchesLabels(pod.metadata.labels, selector)) continue;
    const problem = podProblem(pod);
    if (problem) return `: Pod ${pod.metadata.name}: ${problem}`;
  }
  return "";
}
