// One EventSource per cluster per browser tab, shared by every component that needs live data for that cluster
// (reference counted). Events go through LiveCacheSync into the react-query cache. EventSource reconnects by
// itself after a network drop; after any drop the visible queries are refetched once. When the server refuses the
// stream (closed EventSource), one plain request finds out why: 401 means signed out (stop), anything else
// reconnects with backoff.
import type { QueryClient } from "@tanstack/react-query";
import { LiveCacheSync } from "@/lib/queries/live-sync";
import { parseChangeEvent, parseEventChange, parseStatusEvent } from "@/lib/queries/stream-events";
import { setLiveState } from "./live-store";

interface Entry {
  refs: number;
  source: EventSource | null;
  sync: LiveCacheSync;
  hadError: boolean;
  backoffMs: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();
const MAX_BACKOFF_MS = 30_000;
/** Keep a released stream open this long, so page navigations within a cluster do not reconnect. */
const LINGER_MS = 5_000;

function open(cluster: string, entry: Entry): void {
  setLiveState(cluster, { stream: "connecting" });
  const source = new EventSource(`/api/v1/stream?cluster=${encodeURIComponent(cluster)}`);
  entry.source = source;
  source.onopen = () => {
    entry.backoffMs = 2_000;
    setLiveState(cluster, { stream: "open" });
    if (entry.hadError) entry.sync.resync();
    entry.hadError = false;
  };
  const onStatus = (e: MessageEvent<string>) => {
    const parsed = parseStatusEvent(e.data);
    if (!parsed) return console.warn(`fluxtower: ignored a malformed status event for ${cluster}`);
    setLiveState(cluster, { status: parsed.status });
    entry.sync.applyStatus(parsed.status);
  };
  source.addEventListener("hello", onStatus);
  source.addEventListener("status", onStatus);
  source.addEventListener("change", (e: MessageEvent<string>) => {
    const change = parseChangeEvent(e.data);
    if (!change) return console.warn(`fluxtower: ignored a malformed change event for ${cluster}`);
    entry.sync.applyChange(change);
  });
  source.addEventListener("event", (e: MessageEvent<string>) => {
    const change = parseEventChange(e.data);
    if (!change) return console.warn(`fluxtower: ignored a malformed Kubernetes event for ${cluster}`);
    entry.sync.applyEvent(change);
  });
  source.addEventListener("end", () => {
    source.close();
    entry.hadError = true;
    void diagnose(cluster, entry);
  });
  source.onerror = () => {
    entry.hadError = true;
    setLiveState(cluster, { stream: "down" });
    if (source.readyState === EventSource.CLOSED) void diagnose(cluster, entry);
  };
}

/** The stream was refused or ended: ask the API once what is wrong, then reconnect later or stop. */
async function diagnose(cluster: string, entry: Entry): Promise<void> {
  setLiveState(cluster, { stream: "down" });
  let status = 0;
  try {
    status = (await fetch("/api/v1/session", { credentials: "same-origin" })).status;
  } catch {
    status = 0; // the app itself is unreachable: retry later
  }
  if (entries.get(cluster) !== entry) return;
  if (status === 401) {
    setLiveState(cluster, { stream: "signed-out" });
    return;
  }
  entry.retryTimer = setTimeout(() => {
    entry.retryTimer = null;
    if (entries.get(cluster) === entry && entry.refs > 0) open(cluster, entry);
  }, entry.backoffMs);
  entry.backoffMs = Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS);
}

function shutdown(cluster: string, entry: Entry): void {
  entry.source?.close();
  if (entry.retryTimer) clearTimeout(entry.retryTimer);
  entry.sync.dispose();
  entries.delete(cluster);
  setLiveState(cluster, { stream: "idle" });
}

/** Keeps the cluster's stream open until the returned function is called. */
export function retainClusterStream(cluster: string, qc: QueryClient): () => void {
  let entry = entries.get(cluster);
  if (!entry) {
    entry = { refs: 0, source: null, sync: new LiveCacheSync(qc, cluster), hadError: false, backoffMs: 2_000, retryTimer: null, closeTimer: null };
    entries.set(cluster, entry);
    open(cluster, entry);
  }
  const e = entry;
  e.refs += 1;
  if (e.closeTimer) {
    clearTimeout(e.closeTimer);
    e.closeTimer = null;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    e.refs -= 1;
    if (e.refs > 0) return;
    e.closeTimer = setTimeout(() => {
      if (e.refs === 0 && entries.get(cluster) === e) shutdown(cluster, e);
    }, LINGER_MS);
  };
}
