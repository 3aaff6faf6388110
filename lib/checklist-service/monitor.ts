// Re-evaluates Airflow releases when the cluster changes (throttled per release), so runs are recorded, stale
// sign-offs are detected and announced without anyone looking, and open pages update live through the feed.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache, ClusterChange } from "@/lib/k8s/cache/cluster-cache";
import { allClusterCaches } from "@/lib/k8s/cache/registry";
import { workloadNamespace } from "@/lib/checklist";
import { logger } from "@/lib/log/logger";
import { evaluateRelease } from "./evaluate";
import { publishEvaluation } from "./feed";
import { signoffOf } from "./signoff";
import { recordRun, type RunTrigger } from "./store/runs";
import { discoverSubjects, findSubject } from "./subjects";
import { streamEvent } from "./views";

/** Quiet time after a change before evaluating, and the minimum time between two evaluations of one release. */
const DEBOUNCE_MS = 250;
const MIN_INTERVAL_MS = 1_000;
const NOT_SYNCED_RETRY_MS = 1_000;
/** Changes of these types can affect any release (sources, stores live in other namespaces). */
const GLOBAL_RESOURCES = new Set([
  "helmrepositories",
  "ocirepositories",
  "helmcharts",
  "gitrepositories",
  "kustomizations",
  "clustersecretstores",
]);

interface Slot {
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  again: boolean;
  lastAt: number;
  trigger: RunTrigger;
}

export class ChecklistMonitor {
  private readonly slots = new Map<string, Slot>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly cache: ClusterCache) {}

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.cache.subscribe((c) => this.onChange(c));
    for (const hr of discoverSubjects(this.cache))
      this.schedule(hr.metadata.namespace ?? "default", hr.metadata.name, "change");
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const s of this.slots.values()) if (s.timer) clearTimeout(s.timer);
    this.slots.clear();
  }

  /** Re-evaluate one release soon (after human input, or on request). */
  kick(namespace: string, name: string, trigger: RunTrigger = "input"): void {
    this.schedule(namespace, name, trigger);
  }

  private onChange(change: ClusterChange): void {
    if (change.resource === "events" || change.resource === "namespaces") return;
    const ns = change.object.metadata.namespace;
    for (const hr of discoverSubjects(this.cache)) {
      if (GLOBAL_RESOURCES.has(change.resource) || ns === hr.metadata.namespace || ns === workloadNamespace(hr)) {
        this.schedule(hr.metadata.namespace ?? "default", hr.metadata.name, "change");
      }
    }
    if (change.resource === "helmreleases" && change.type === "DELETED") this.slots.delete(this.key(change.object));
  }

  private key(hr: KubeObject): string {
    return `${hr.metadata.namespace ?? "default"}/${hr.metadata.name}`;
  }

  private schedule(namespace: string, name: string, trigger: RunTrigger): void {
    const key = `${namespace}/${name}`;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { timer: null, running: false, again: false, lastAt: 0, trigger };
      this.slots.set(key, slot);
    }
    if (trigger !== "change") slot.trigger = trigger;
    if (slot.running) {
      slot.again = true;
      return;
    }
    if (slot.timer) return;
    const delay = Math.max(DEBOUNCE_MS, slot.lastAt + MIN_INTERVAL_MS - Date.now());
    const s = slot;
    s.timer = setTimeout(() => {
      s.timer = null;
      void this.run(namespace, name, s);
    }, delay);
  }

  private async run(namespace: string, name: string, slot: Slot): Promise<void> {
    if (!this.cache.synced()) {
      slot.timer = setTimeout(() => {
        slot.timer = null;
        void this.run(namespace, name, slot);
      }, NOT_SYNCED_RETRY_MS);
      return;
    }
    slot.running = true;
    slot.lastAt = Date.now();
    const trigger = slot.trigger;
    slot.trigger = "change";
    try {
      const release = findSubject(this.cache, namespace, name);
      if (release) {
        const now = new Date();
        const ev = await evaluateRelease(this.cache, release, now);
        const run = await recordRun(ev.subject, ev.result, ev.facts, trigger);
        const signoff = await signoffOf(ev, now, true);
        publishEvaluation(streamEvent(ev, signoff, run.signature));
      }
    } catch (err) {
      logger.error(
        { cluster: this.cache.id, namespace, release: name, err: err instanceof Error ? err.message : String(err) },
        "checklist: evaluation failed",
      );
    } finally {
      slot.running = false;
      if (slot.again) {
        slot.again = false;
        this.schedule(namespace, name, slot.trigger);
      }
    }
  }
}

const holder = globalThis as unknown as { fluxtowerChecklistMonitors?: Map<string, ChecklistMonitor> };
const monitors = (holder.fluxtowerChecklistMonitors ??= new Map());

/** The started monitor of a cluster. */
export function checklistMonitor(cache: ClusterCache): ChecklistMonitor {
  let m = monitors.get(cache.id);
  if (!m) {
    m = new ChecklistMonitor(cache);
    monitors.set(cache.id, m);
  }
  m.start();
  return m;
}

/** Start a monitor for every configured cluster (idempotent; called at server start and on first API use). */
export function startChecklistMonitors(): void {
  for (const cache of allClusterCaches()) checklistMonitor(cache);
}
