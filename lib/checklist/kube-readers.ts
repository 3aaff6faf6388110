// Small typed getters over loosely typed KubeObjects (pods, workloads, PDBs, conditions).

import type { Condition, KubeObject, ObjectRef } from "../kinds/object";
import { resourceForKind } from "../kinds/registry";
import { isMap } from "./values";

/** Reference to an object for evidence links (resource plural from the kind registry). */
export function refOf(obj: KubeObject): ObjectRef {
  const resource = resourceForKind(obj.kind)?.resource ?? `${obj.kind.toLowerCase()}s`;
  return { resource, namespace: obj.metadata.namespace, name: obj.metadata.name };
}

/** Condition of a type, if present. */
export function condition(obj: KubeObject | undefined, type: string): Condition | undefined {
  return obj?.status?.conditions?.find((c) => c.type === type);
}

/** A numeric field or undefined. */
export function num(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

/** Label value on an object. */
export function label(obj: KubeObject, key: string): string | undefined {
  return obj.metadata.labels?.[key];
}

/** One container's status as the checks need it. */
export interface ContainerState {
  name: string;
  ready: boolean;
  restartCount: number;
  waitingReason?: string;
  lastTerminatedAt?: string;
  lastTerminatedReason?: string;
  init: boolean;
}

function containerStates(list: unknown, init: boolean): ContainerState[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isMap).map((c) => {
    const state = isMap(c.state) ? c.state : {};
    const waiting = isMap(state.waiting) ? state.waiting : undefined;
    const last = isMap(c.lastState) && isMap(c.lastState.terminated) ? c.lastState.terminated : undefined;
    return {
      name: String(c.name ?? ""),
      ready: c.ready === true,
      restartCount: num(c.restartCount) ?? 0,
      waitingReason: typeof waiting?.reason === "string" ? waiting.reason : undefined,
      lastTerminatedAt: typeof last?.finishedAt === "string" ? last.finishedAt : undefined,
      lastTerminatedReason: typeof last?.reason === "string" ? last.reason : undefined,
      init,
    };
  });
}

/** All container statuses of a pod (init containers flagged). */
export function podContainers(pod: KubeObject): ContainerState[] {
  return [
    ...containerStates(pod.status?.initContainerStatuses, true),
    ...containerStates(pod.status?.containerStatuses, false),
  ];
}

/** Pod phase (`Running`, `Pending`, `Succeeded` …). */
export function podPhase(pod: KubeObject): string {
  return typeof pod.status?.phase === "string" ? pod.status.phase : "Unknown";
}

/** Pod condition Ready=True. */
export function podReady(pod: KubeObject): boolean {
  return condition(pod, "Ready")?.status === "True";
}

/** A waiting reason that means the container is crash-looping or cannot start. */
export function isBadWaitingReason(reason: string | undefined): boolean {
  return (
    !!reason &&
    (reason === "CrashLoopBackOff" || /BackOff$|Error$|^Err/.test(reason) || reason === "CreateContainerConfigError")
  );
}

/** Env vars (literal values only; `valueFrom` entries map to undefined) of all containers of a pod. */
export function podEnv(pod: KubeObject): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  const spec = pod.spec ?? {};
  for (const list of [spec.initContainers, spec.containers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list.filter(isMap)) {
      if (!Array.isArray(c.env)) continue;
      for (const e of c.env.filter(isMap)) {
        if (typeof e.name === "string") env.set(e.name, typeof e.value === "string" ? e.value : undefined);
      }
    }
  }
  return env;
}

/** `spec.replicas` of a Deployment/StatefulSet (default 1 like the API server). */
export function specReplicas(w: KubeObject): number {
  return num(w.spec?.replicas) ?? 1;
}

/** `status.readyReplicas` (0 when absent). */
export function readyReplicas(w: KubeObject): number {
  return num(w.status?.readyReplicas) ?? 0;
}

/** `spec.selector.matchLabels` of a PDB or workload. */
export function matchLabels(obj: KubeObject): Record<string, string> {
  const sel = obj.spec?.selector;
  const ml = isMap(sel) && isMap(sel.matchLabels) ? sel.matchLabels : {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ml)) if (typeof v === "string") out[k] = v;
  return out;
}

/** Parse an RFC 3339 time to epoch ms (NaN when invalid). */
export function timeMs(t: string | undefined): number {
  return t ? Date.parse(t) : Number.NaN;
}
