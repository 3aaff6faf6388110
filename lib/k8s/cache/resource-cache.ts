// One list+watch cache for one resource type in one cluster. List (paged), then watch from the returned
// resourceVersion with bookmarks; relist on 410 Gone; reconnect with backoff; keep the last state and mark it
// stale while the API server is unreachable. resourceVersion is opaque: only stored and sent back, never compared
// as a number.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import type { ResourceInfo } from "@/lib/kinds/registry";
import { logger } from "@/lib/log/logger";
import { collectionPath } from "../paths";
import { KubeHttpError, kubeJson, kubeLines, type LineStream } from "../transport";
import { scrub } from "./scrub";

export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";
export type ChangeListener = (type: ChangeType, obj: KubeObject) => void;

export interface CacheState {
  synced: boolean;
  absent: boolean; // the API server does not serve this type (e.g. CRD not installed)
  stale: boolean;
  staleSince?: string;
  lastSyncAt?: string;
  error?: string;
}

interface ListBody {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

interface WatchLine {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: KubeObject & { code?: number; message?: string };
}

class Gone extends Error {}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ResourceCache {
  readonly items = new Map<string, KubeObject>();
  /** The same objects by namespace ("" for cluster-scoped), for per-namespace reads without scanning every item. */
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  readonly state: CacheState = { synced: false, absent: false, stale: false };
  private rv: string | undefined;
  private stream: LineStream | undefined;
  private stopped = false;
  private backoffMs = 500;
  /** Counters for the metrics endpoint (lib/metrics): full lists taken, watch connections opened after the first. */
  relists = 0;
  reconnects = 0;
  private watched = false;

  constructor(
    readonly clusterId: string,
    readonly info: ResourceInfo,
    private readonly onChange: ChangeListener,
    private readonly pageSize = 500,
  ) {}

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.stream?.close();
  }

  /** Drops the current watch connection; the loop reconnects from the last resourceVersion. */
  reconnect(): void {
    this.stream?.close();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.rv === undefined) await this.relist();
        if (this.state.absent) {
          await sleep(60_000);
          this.rv = undefined;
          continue;
        }
        await this.watch();
        this.backoffMs = 500;
      } catch (err) {
        if (err instanceof Gone) {
          this.rv = undefined;
          continue;
        }
        this.markUnreachable(err);
        await sleep(this.backoffMs);
        this.backoffMs = Math.min(this.backoffMs * 2, 15_000);
      }
    }
  }

  private markUnreachable(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (!this.state.stale && this.state.synced) {
      this.state.stale = true;
      this.state.staleSince = new Date().toISOString();
      logger.warn({ cluster: this.clusterId, resource: this.info.resource, err: message }, "watch lost; serving cached state");
    }
    this.state.error = message;
  }

  private async relist(): Promise<void> {
    this.relists++;
    const fresh = new Map<string, KubeObject>();
    let cont: string | undefined;
    let rv: string | undefined;
    try {
      do {
        const page = await kubeJson<ListBody>(this.clusterId, {
          path: collectionPath(this.info),
          query: { limit: this.pageSize, continue: cont },
        });
        for (const item of page.items ?? []) {
          const obj = scrub({ ...item, apiVersion: item.apiVersion ?? this.apiVersion(), kind: item.kind ?? this.info.kind });
          fresh.set(keyOf(obj), obj);
        }
        cont = page.metadata?.continue || undefined;
        rv = page.metadata?.resourceVersion;
      } while (cont);
    } catch (err) {
      if (err instanceof KubeHttpError && err.status === 404) {
        this.state.absent = true;
        this.state.synced = true;
        return;
      }
      if (err instanceof KubeHttpError && err.status === 410) throw new Gone();
      throw err;
    }
    this.state.absent = false;
    this.applySnapshot(fresh);
    this.rv = rv;
    this.markSynced();
  }

  private applySnapshot(fresh: Map<string, KubeObject>): void {
    for (const [k, old] of this.items) {
      if (!fresh.has(k)) {
        this.remove(k, old);
        this.onChange("DELETED", old);
      }
    }
    for (const [k, obj] of fresh) {
      const old = this.items.get(k);
      this.put(k, obj);
      if (!old) this.onChange("ADDED", obj);
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) this.onChange("MODIFIED", obj);
    }
  }

  private put(key: string, obj: KubeObject): void {
    this.items.set(key, obj);
    const ns = obj.metadata.namespace ?? "";
    let m = this.byNamespace.get(ns);
    if (!m) this.byNamespace.set(ns, (m = new Map()));
    m.set(key, obj);
  }

  private remove(key: string, obj: KubeObject): void {
    this.items.delete(key);
    const ns = obj.metadata.namespace ?? "";
    const m = this.byNamespace.get(ns);
    m?.delete(key);
    if (m && m.size === 0) this.byNamespace.delete(ns);
  }

  private markSynced(): void {
    this.state.synced = true;
    this.state.stale = false;
    this.state.staleSince = undefined;
    this.state.error = undefined;
    this.state.lastSyncAt = new Date().toISOString();
  }

  private apiVersion(): string {
    return this.info.group ? `${this.info.group}/${this.info.version}` : this.info.version;
  }

  private async watch(): Promise<void> {
    let gone = false;
    if (this.watched) this.reconnects++;
    this.watched = true;
    this.stream = await kubeLines(
      this.clusterId,
      {
        path: collectionPath(this.info),
        query: { watch: 1, resourceVersion: this.rv, allowWatchBookmarks: true, timeoutSeconds: 240 },
      },
      (line) => {
        if (gone) return;
        let ev: WatchLine;
        try {
          ev = JSON.parse(line) as WatchLine;
        } catch {
          return;
        }
        if (ev.type === "ERROR") {
          if (ev.object?.code === 410) gone = true;
          this.stream?.close();
          return;
        }
        const rv = ev.object?.metadata?.resourceVersion;
        if (rv) this.rv = rv;
        if (ev.type === "BOOKMARK") return;
        const obj = scrub({ ...ev.object, apiVersion: ev.object.apiVersion ?? this.apiVersion(), kind: ev.object.kind ?? this.info.kind });
        if (ev.type === "DELETED") this.remove(keyOf(obj), obj);
        else this.put(keyOf(obj), obj);
        this.onChange(ev.type, obj);
      },
    );
    this.markSynced();
    await this.stream.done;
    this.stream = undefined;
    if (gone) throw new Gone();
  }
}
