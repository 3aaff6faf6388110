// Mutable accumulator used while building a graph: present objects, lazily created referenced nodes, deduplicated
// edges. Internal to lib/graph. Pure module.
import type { KubeObject } from "../kinds/object";
import { resourceForKind } from "../kinds/registry";
import type { Verdict } from "../health/types";
import { verdict } from "../health/verdict";
import { nodeId, resourceOfKind } from "./ids";
import type { EdgeType, GraphEdge } from "./types";

const EDGE_TYPE_INDEX: Record<EdgeType, number> = {
  source: 0,
  dependsOn: 1,
  applies: 2,
  manages: 3,
  owns: 4,
  "uses-secret": 5,
  "uses-configmap": 6,
  "values-from": 7,
  "values-secret": 8,
  "synced-by": 9,
  store: 10,
};

/** A reference to an object that may or may not be in the snapshot. */
export interface TargetRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** How a link treats an absent target. */
export type AbsentPolicy =
  | "reference" // explicit reference: add a missing (or unseen) node
  | "skip"; // implicit/optional link: only link objects that exist

interface RefNode {
  id: string;
  kind: string;
  namespace?: string;
  name: string;
  resource: string;
  missing: boolean;
}

/** Decides whether the snapshot lists every object of a resource in a namespace. */
export type CompletenessCheck = (resource: string, namespace: string | undefined) => boolean;

export class GraphBuilder {
  readonly objects = new Map<string, KubeObject>();
  readonly refs = new Map<string, RefNode>();
  readonly edges: GraphEdge[] = [];
  // Edge dedupe on numbers, not strings: (fromIndex · 2^22 + toIndex) · 16 + typeIndex stays below 2^53.
  private readonly edgeKeys = new Set<number>();
  private readonly idIndex = new Map<string, number>();
  private readonly isComplete: CompletenessCheck;

  constructor(objects: readonly KubeObject[], isComplete?: CompletenessCheck) {
    const present = new Set<string>();
    for (const obj of objects) {
      this.objects.set(nodeId(obj.kind, obj.metadata.namespace, obj.metadata.name), obj);
      present.add(resourceOfKind(obj.kind));
    }
    // Default: a registry kind counts as fully listed when the snapshot holds at least one object of it.
    this.isComplete = isComplete ?? ((resource) => present.has(resource));
  }

  /** Id of an object in the snapshot. */
  idOf(obj: KubeObject): string {
    return nodeId(obj.kind, obj.metadata.namespace, obj.metadata.name);
  }

  /** The snapshot object for a ref, if present. */
  get(ref: TargetRef): KubeObject | undefined {
    return this.objects.get(nodeId(ref.kind, ref.namespace, ref.name));
  }

  /**
   * Adds `from → target` unless it already exists. With `absent: "reference"` an absent target becomes a node
   * flagged missing (its kind is a registry kind and fully listed) or unseen. Returns the target id, or undefined
   * when nothing was linked.
   */
  link(from: string, target: TargetRef, type: EdgeType, absent: AbsentPolicy = "reference"): string | undefined {
    const to = nodeId(target.kind, target.namespace, target.name);
    if (to === from) return undefined;
    if (!this.objects.has(to)) {
      if (absent === "skip") return undefined;
      this.ensureRef(to, target);
    }
    this.addEdge(from, to, type);
    return to;
  }

  /** Makes sure a node exists for `target` (a missing/unseen node when absent) and returns its id. */
  reference(target: TargetRef): string {
    const id = nodeId(target.kind, target.namespace, target.name);
    if (!this.objects.has(id)) this.ensureRef(id, target);
    return id;
  }

  /** Adds an edge between two known ids (deduplicated). */
  addEdge(from: string, to: string, type: EdgeType): void {
    if (from === to) return;
    const key = (this.indexOf(from) * 4_194_304 + this.indexOf(to)) * 16 + EDGE_TYPE_INDEX[type];
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, type });
  }

  /** True when the id is a snapshot object or an already created reference node. */
  has(id: string): boolean {
    return this.objects.has(id) || this.refs.has(id);
  }

  private indexOf(id: string): number {
    let i = this.idIndex.get(id);
    if (i === undefined) {
      i = this.idIndex.size;
      this.idIndex.set(id, i);
    }
    return i;
  }

  private ensureRef(id: string, target: TargetRef): void {
    if (this.refs.has(id)) return;
    const info = resourceForKind(target.kind);
    const namespace = info && !info.namespaced ? undefined : target.namespace;
    const resource = resourceOfKind(target.kind);
    const missing = info !== undefined && this.isComplete(resource, namespace);
    this.refs.set(id, { id, kind: target.kind, namespace, name: target.name, resource, missing });
  }
}

/** Verdict of a referenced-but-absent node. */
export function absentVerdict(kind: string, namespace: string | undefined, name: string, missing: boolean): Verdict {
  const what = `${kind} ${namespace ? `${namespace}/` : ""}${name}`;
  return missing
    ? verdict("Degraded", "NotFound", `${what} not found`)
    : verdict("Unknown", "NotVisible", `${what} is not in the snapshot (not watched, or not visible to you)`);
}
