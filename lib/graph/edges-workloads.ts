// Edges among workloads: owns (ownerReferences, ReplicaSet chains, selector fallback) and uses-secret /
// uses-configmap (pod specs). Pure module.
import type { KubeObject } from "../kinds/object";
import { at, isRec } from "../health/read";
import type { GraphBuilder } from "./builder";
import { isClusterScoped, nodeId } from "./ids";
import { podSpecOf, podSpecRefs } from "./pod-refs";

const SELECTOR_OWNERS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);

/**
 * `owns` edges from ownerReferences (any kind; Secret → ExternalSecret is handled as `synced-by` elsewhere).
 * A pod owned by a ReplicaSet that is not in the snapshot is attached to its Deployment (`<deployment>-<pod-template-hash>`).
 * Pods without any ownerReference are matched to workloads in their namespace by `spec.selector.matchLabels`.
 */
export function addOwnershipEdges(b: GraphBuilder): void {
  const orphanPods: KubeObject[] = [];
  for (const [id, obj] of b.objects) {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0 && obj.kind === "Pod") orphanPods.push(obj);
    for (const ref of refs) {
      if (obj.kind === "Secret" && ref.kind === "ExternalSecret") continue;
      const ns = isClusterScoped(ref.kind) ? undefined : obj.metadata.namespace;
      const ownerId = nodeId(ref.kind, ns, ref.name);
      if (b.objects.has(ownerId)) {
        b.addEdge(ownerId, id, "owns");
        continue;
      }
      if (ref.kind === "ReplicaSet") {
        const hash = obj.metadata.labels?.["pod-template-hash"];
        if (hash && ref.name.endsWith(`-${hash}`)) {
          const deploy = ref.name.slice(0, -(hash.length + 1));
          const depId = nodeId("Deployment", ns, deploy);
          if (b.objects.has(depId)) b.addEdge(depId, id, "owns");
        }
      }
    }
  }
  if (orphanPods.length > 0) addSelectorEdges(b, orphanPods);
}

function addSelectorEdges(b: GraphBuilder, pods: KubeObject[]): void {
  // Index every selector-owning workload under ONE of its matchLabels pairs; candidates are then verified in full.
  const index = new Map<string, Array<{ id: string; match: Record<string, string> }>>();
  for (const [id, obj] of b.objects) {
    if (!SELECTOR_OWNERS.has(obj.kind)) continue;
    const match = at(obj.spec, "selector", "matchLabels");
    if (!isRec(match)) continue;
    const pairs = Object.entries(match).filter((e): e is [string, string] => typeof e[1] === "string");
    if (pairs.length === 0) continue;
    pairs.sort(([a], [c]) => a.localeCompare(c));
    const key = `${obj.metadata.namespace ?? ""}\u0000${pairs[0][0]}=${pairs[0][1]}`;
    const list = index.get(key) ?? [];
    list.push({ id, match: Object.fromEntries(pairs) });
    index.set(key, list);
  }
  for (const pod of pods) {
    const labels = pod.metadata.labels ?? {};
    const podId = b.idOf(pod);
    for (const [k, v] of Object.entries(labels)) {
      for (const cand of index.get(`${pod.metadata.namespace ?? ""}\u0000${k}=${v}`) ?? []) {
        if (Object.entries(cand.match).every(([mk, mv]) => labels[mk] === mv)) b.addEdge(cand.id, podId, "owns");
      }
    }
  }
}

/**
 * `uses-secret` / `uses-configmap` from Pods and workload templates to what their pod spec reads. A missing
 * non-optional Secret becomes a missing node (e.g. "Secret airflow/airflow-metadata not found"); absent optional
 * references are not linked.
 */
export function addPodSpecEdges(b: GraphBuilder): void {
  for (const [id, obj] of b.objects) {
    const spec = podSpecOf(obj.kind, obj.spec);
    if (spec === undefined) continue;
    const ns = obj.metadata.namespace;
    for (const ref of podSpecRefs(spec)) {
      b.link(
        id,
        { kind: ref.kind, namespace: ns, name: ref.name },
        ref.kind === "Secret" ? "uses-secret" : "uses-configmap",
        ref.optional ? "skip" : "reference",
      );
    }
  }
}
