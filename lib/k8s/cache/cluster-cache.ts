// All resource caches of one cluster, plus one change feed that SSE streams subscribe to. The cache is shared by
// every user and tab: the API server sees one watch per resource type, whatever the number of browsers.
import "server-only";
import { EventEmitter } from "node:events";
import type { KubeObject } from "@/lib/kinds/object";
import { RESOURCES, resourceInfo, type ResourceInfo } from "@/lib/kinds/registry";
import { ResourceCache, type ChangeType } from "./resource-cache";

export interface ClusterChange {
  cluster: string;
  resource: string;
  type: ChangeType;
  object: KubeObject;
}

export type ClusterStatus = "connected" | "stale" | "error" | "syncing";

export class ClusterCache {
  readonly caches = new Map<string, ResourceCache>();
  private readonly feed = new EventEmitter();
  private started = false;

  constructor(
    readonly id: string,
    resources: readonly ResourceInfo[] = RESOURCES,
  ) {
    this.feed.setMaxListeners(0);
    for (const info of resources) {
      this.caches.set(
        info.resource,
        new ResourceCache(id, info, (type, object) => this.feed.emit("change", { cluster: id, resource: info.resource, type, object } satisfies ClusterChange)),
      );
    }
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const c of this.caches.values()) c.start();
  }

  stop(): void {
    for (const c of this.caches.values()) c.stop();
  }

  subscribe(listener: (change: ClusterChange) => void): () => void {
    this.feed.on("change", listener);
    return () => this.feed.off("change", listener);
  }

  list(resource: string): KubeObject[] {
    const c = this.caches.get(resource);
    return c ? [...c.items.values()] : [];
  }

  /** The cached objects of one type in one namespace (no scan of the other namespaces). */
  listIn(resource: string, namespace: string): KubeObject[] {
    const m = this.caches.get(resource)?.byNamespace.get(namespace);
    return m ? [...m.values()] : [];
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const info = resourceInfo(resource);
    return this.caches.get(resource)?.items.get(`${info?.namespaced ? (namespace ?? "") : ""}/${name}`);
  }

  /** Every cached object of every type (for the graph). */
  all(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const c of this.caches.values()) for (const o of c.items.values()) out.push(o);
    return out;
  }

  synced(): boolean {
    return [...this.caches.values()].every((c) => c.state.synced);
  }

  status(): { status: ClusterStatus; lastSyncAt?: string; staleSince?: string; message: string } {
    const states = [...this.caches.values()].map((c) => c.state);
    const lastSyncAt = states.map((s) => s.lastSyncAt).filter(Boolean).sort().pop();
    const stale = states.filter((s) => s.stale);
    if (stale.length) {
      const since = stale.map((s) => s.staleSince!).sort()[0];
      return { status: "stale", lastSyncAt, staleSince: since, message: `API server unreachable since ${since}: ${stale[0].error ?? ""}`.trim() };
    }
    const unsynced = states.filter((s) => !s.synced);
    if (unsynced.length) {
      const err = unsynced.find((s) => s.error);
      return err
        ? { status: "error", lastSyncAt, message: err.error ?? "sync failed" }
        : { status: "syncing", lastSyncAt, message: `syncing ${unsynced.length} resource types` };
    }
    return { status: "connected", lastSyncAt, message: "watching" };
  }
}
