// Watch streams: chunked newline-delimited JSON events {"type","object"}. Starts from the current state (ADDED
// for every object) when no resourceVersion (or "0") is given, otherwise replays the retained events after that
// version, or sends an ERROR event with a 410 Expired Status when the window no longer reaches back that far.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { KObject, ResourceType } from "../store/types";
import { type MemoryStore, typeKeyOf } from "../store/memory-store";
import { type Entry, entryJson } from "../store/entry";
import type { RawEvent } from "../store/event-window";
import { badRequest, StatusError } from "../store/errors";
import { apiVersionOf } from "../store/write-rules";
import type { Selector } from "./selectors";
import { buildTable, type IncludeObject } from "./table";

export interface WatchOptions {
  rt: ResourceType;
  namespace?: string;
  selector?: Selector;
  resourceVersion?: string;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  table?: IncludeObject;
  /** Watch-list: ADDED for the current state, then a BOOKMARK annotated k8s.io/initial-events-end. */
  sendInitialEvents?: boolean;
  /** Who opened the watch (for /__demo/watches). */
  owner?: WatchOwner;
}

/** Who holds an open watch (or log follow) and on what. */
export interface WatchOwner {
  user: string;
  impersonatedUser?: string;
  /** Plural, with the group for non-core types (`helmreleases.helm.toolkit.fluxcd.io`), or `pods/log`. */
  resource: string;
  namespace?: string;
}

export interface WatchGroup extends WatchOwner {
  count: number;
}

const UNKNOWN_OWNER: WatchOwner = { user: "unknown", resource: "unknown" };

/** Open watch connections, so faults and shutdown can close them and /__demo/watches can count them. */
export class WatchRegistry {
  private readonly open = new Map<() => void, WatchOwner>();

  constructor(readonly bookmarkIntervalMs: number) {}

  add(close: () => void, owner: WatchOwner = UNKNOWN_OWNER): () => void {
    this.open.set(close, owner);
    return () => this.open.delete(close);
  }

  size(): number {
    return this.open.size;
  }

  /** Open connections grouped by user, impersonated user, resource and namespace (sorted, stable). */
  describe(): { total: number; byUser: Record<string, number>; watches: WatchGroup[] } {
    const groups = new Map<string, WatchGroup>();
    const byUser: Record<string, number> = {};
    for (const o of this.open.values()) {
      byUser[o.user] = (byUser[o.user] ?? 0) + 1;
      const key = JSON.stringify([o.user, o.impersonatedUser ?? "", o.resource, o.namespace ?? ""]);
      const g = groups.get(key);
      if (g) g.count += 1;
      else groups.set(key, { ...o, count: 1 });
    }
    const watches = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
    return { total: this.open.size, byUser, watches };
  }

  closeAll(): void {
    for (const close of [...this.open.keys()]) close();
  }
}

export function resourceLabel(rt: ResourceType): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}

function parseResourceVersion(rv: string | undefined): number | undefined {
  if (rv === undefined || rv === "" || rv === "0") return undefined;
  if (!/^\d+$/.test(rv)) throw badRequest(`invalid resource version "${rv}"`);
  return Number(rv);
}

export function serveWatch(
  store: MemoryStore,
  registry: WatchRegistry,
  req: IncomingMessage,
  res: ServerResponse,
  opts: WatchOptions,
): void {
  const { rt, namespace, selector } = opts;
  const since = opts.sendInitialEvents ? undefined : parseResourceVersion(opts.resourceVersion);
  const replay = since === undefined ? undefined : store.eventsSince(since);
  const typeKey = typeKeyOf(rt);

  res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-cache, private" });
  res.socket?.setNoDelay(true);
  res.flushHeaders();

  const write = (type: string, entry: Entry): void => {
    if (opts.table) {
      const table = buildTable(rt, [entry.obj], { resourceVersion: entry.obj.metadata.resourceVersion }, opts.table);
      res.write(`${JSON.stringify({ type, object: table })}\n`);
    } else res.write(`{"type":"${type}","object":${entryJson(entry)}}\n`);
  };

  if (since !== undefined && replay === undefined) {
    const err = new StatusError(
      410,
      "Expired",
      `too old resource version: ${since} (${store.oldestResumableVersion()})`,
    );
    res.end(`${JSON.stringify({ type: "ERROR", object: err.toStatus() })}\n`);
    return;
  }

  const inScope = (obj: KObject): boolean =>
    (namespace === undefined || obj.metadata.namespace === namespace) && (!selector || selector(obj));

  const onEvent = (ev: RawEvent): void => {
    if (ev.typeKey !== typeKey) return;
    const now = inScope(ev.entry.obj);
    const before = ev.previous ? inScope(ev.previous.obj) : false;
    if (ev.type === "ADDED") {
      if (now) write("ADDED", ev.entry);
    } else if (ev.type === "DELETED") {
      if (now || before) write("DELETED", ev.entry);
    } else if (now && before) write("MODIFIED", ev.entry);
    else if (now) write("ADDED", ev.entry);
    else if (before) write("DELETED", ev.entry);
  };

  if (replay) for (const ev of replay) onEvent(ev);
  else
    for (const entry of store.listEntries(rt, namespace)) if (!selector || selector(entry.obj)) write("ADDED", entry);

  if (opts.sendInitialEvents) {
    const metadata = {
      resourceVersion: store.currentResourceVersion(),
      annotations: { "k8s.io/initial-events-end": "true" },
    };
    res.write(
      `${JSON.stringify({ type: "BOOKMARK", object: { kind: rt.kind, apiVersion: apiVersionOf(rt), metadata } })}\n`,
    );
  }
  const unsubscribe = store.subscribeRaw(onEvent);
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    unregister();
    for (const t of timers) clearTimeout(t);
    if (!res.writableEnded) res.end();
  };
  const unregister = registry.add(close, opts.owner);
  if (opts.allowBookmarks) {
    const bookmark = { kind: rt.kind, apiVersion: apiVersionOf(rt) };
    timers.push(
      setInterval(() => {
        const object = { ...bookmark, metadata: { resourceVersion: store.currentResourceVersion() } };
        res.write(`${JSON.stringify({ type: "BOOKMARK", object })}\n`);
      }, registry.bookmarkIntervalMs),
    );
  }
  if (opts.timeoutSeconds !== undefined && opts.timeoutSeconds > 0)
    timers.push(setTimeout(close, opts.timeoutSeconds * 1000));
  req.on("close", close);
  res.on("close", close);
}
