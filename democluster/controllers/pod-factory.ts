// Pods as the workload controllers create them: template labels/annotations + controller labels, controller
// ownerReference, scheduled onto one of the demo nodes.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { asMap, clone, nowTime, ownerRefTo, type JsonMap } from "../sim/objects";

export const NODES = ["demo-worker", "demo-worker2", "demo-worker3"];

export function buildPod(
  ctx: SimContext,
  owner: KObject,
  name: string,
  template: JsonMap,
  extraLabels: Record<string, string>,
  extra: { hostname?: string; subdomain?: string } = {},
): KObject {
  const tmeta = asMap(template.metadata) ?? {};
  const spec = clone(asMap(template.spec) ?? {});
  const node = ctx.rng.pick(NODES);
  spec.nodeName = node;
  spec.schedulerName ??= "default-scheduler";
  spec.restartPolicy ??= "Always";
  spec.dnsPolicy ??= "ClusterFirst";
  spec.serviceAccountName ??= "default";
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  spec.priority ??= 0;
  if (extra.hostname) spec.hostname = extra.hostname;
  if (extra.subdomain) spec.subdomain = extra.subdomain;
  const labels = { ...((asMap(tmeta.labels) ?? {}) as Record<string, string>), ...extraLabels };
  const annotations = (asMap(tmeta.annotations) ?? undefined) as Record<string, string> | undefined;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels,
      ...(annotations ? { annotations: { ...annotations } } : {}),
      ownerReferences: [ownerRefTo(owner)],
    },
    spec,
    status: {
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: nowTime() }],
      qosClass: "BestEffort",
    },
  };
}

export function nodeIp(node: string): string {
  const i = NODES.indexOf(node);
  return `172.18.0.${i < 0 ? 2 : i + 3}`;
}
