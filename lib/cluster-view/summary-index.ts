// Per cluster: every cached object's ResourceSummary, kept up to date incrementally from the watch caches and
// computed once per change — lists, the overview and every SSE connection read from here.
import "server-only";
import { EventEmitter } from "node:events";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache, ClusterChange } from "@/lib/k8s/cache/cluster-cache";
import { toSummary, type ResourceSummary } from "@/lib/views/summary";
import { secretOwnerLookup } from "./secret-owners";

export interface SummaryChange {
  type: ClusterChange["type"];
  summary: ResourceSummary;
  /** Milliseconds since epoch when the cache saw the change (for latency measurements). */
  seenAt: number;
}

const SKIP = new Set(["events", "namespaces"]);
const keyOf = (o: { metadata: { namespace?: string; name: string } }) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;

export class SummaryIndex {
  private readonly byResource = new Map<string, Map<string, ResourceSummary>>();
  private readonly feed = new EventEmitter();
  private ownerOf: (s: KubeObject) => KubeObject | undefined;

  constructor(private readonly cache: ClusterCache) {
    this.feed.setMaxListeners(0);
    this.ownerOf = secretOwnerLookup(cache);
    for (const resource of cache.caches.keys()) {
      if (SKIP.has(resource)) continue;
      const m = new Map<string, ResourceSummary>();
      for (const obj of cache.list(resource)) m.set(keyOf(obj), this.summarize(resource, obj));
      this.byResource.set(resource, m);
    }
    cache.subscribe((c) => this.apply(c));
  }

  private summarize(resource: string, obj: KubeObject): ResourceSummary {
    return toSummary(resource, obj, { ownerOf: resource === "secrets" ? this.ownerOf : undefined });
  }

  private apply(change: ClusterChange): void {
    if (SKIP.has(change.resource)) return;
    const m = this.byResource.get(change.resource) ?? new Map<string, ResourceSummary>();
    this.byResource.set(change.resource, m);
    const key = keyOf(change.object);
    const summary = this.summarize(change.resource, change.object);
    if (change.type === "DELETED") m.delete(key);
    else m.set(key, summary);
    this.feed.emit("summary", { type: change.type, summary, seenAt: Date.now() } satisfies SummaryChange);
    if (change.resource === "externalsecrets") this.refreshSecretOf(change.object);
  }

  /** A Secret's health follows its ExternalSecret: recompute it when the ExternalSecret changes. */
  private refreshSecretOf(es: KubeObject): void {
    this.ownerOf = secretOwnerLookup(this.cache);
    const target = (es.spec?.target as { name?: string } | undefined)?.name || es.metadata.name;
    const secret = this.cache.get("secrets", es.metadata.namespace, target);
    if (!secret) return;
    const summary = this.summarize("secrets", secret);
    this.byResource.get("secrets")?.set(keyOf(secret), summary);
    this.feed.emit("summary", { type: "MODIFIED", summary, seenAt: Date.now() } satisfies SummaryChange);
  }

  list(resource: string): ResourceSummary[] {
    return [...(this.byResource.get(resource)?.values() ?? [])];
  }

  get(resource: string, namespace: string | null, name: string): ResourceSummary | undefined {
    return this.byResource.get(resource)?.get(`${namespace ?? ""}/${name}`);
  }

  subscribe(listener: (c: SummaryChange) => void): () => void {
    this.feed.on("summary", listener);
    return () => this.feed.off("summary", listener);
  }
}

const globalForIndex = globalThis as unknown as { fluxtowerSummaryIndexes?: Map<string, SummaryIndex> };
const indexes = (globalForIndex.fluxtowerSummaryIndexes ??= new Map());

/** The summary index of a cluster, created on first use. */
export function summaryIndex(cache: ClusterCache): SummaryIndex {
  let idx = indexes.get(cache.id);
  if (!idx) {
    idx = new SummaryIndex(cache);
    indexes.set(cache.id, idx);
  }
  return idx;
}
