// Plain-JSON shape of a Kubernetes object as the app sees it (after the cache, before view mapping).
// Pure type module: shared by lib/health, lib/graph, lib/checklist and lib/k8s; no I/O, no client-node types.

export interface Condition {
  type: string;
  status: "True" | "False" | "Unknown" | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: OwnerRef[];
}

/** Any Kubernetes object. `spec`/`status` stay loosely typed; readers narrow with small typed getters. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown> & { conditions?: Condition[]; observedGeneration?: number };
  [field: string]: unknown;
}

/** Stable identity of an object inside one cluster. */
export interface ObjectRef {
  resource: string; // lowercase plural, e.g. "helmreleases"
  namespace?: string; // undefined for cluster-scoped
  name: string;
}

export function refKey(ref: ObjectRef): string {
  return `${ref.resource}/${ref.namespace ?? "_"}/${ref.name}`;
}
