// Re-evaluates Airflow releases when the cluster changes (throttled per release), so runs are recorded, stale
// sign-offs are detected and announced without anyone looking, and open pages update live through the feed.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache, ClusterChange } from "@/lib/k8s/cache/cluster-cache";
import { allClusterCaches } from "@/lib/k8s/cache/registry";
import { helmReleaseName, isAirflowRelease, workloadNamespace } from "@/lib/checklist";
import { logger } from "@/lib/log/logger";
import { evaluateRelease } from "./evaluate";
import { publishEvaluation } from "./feed";
import { signoffOf } from "./signoff";
import { recordRun, type RunTrigger } from "./store/runs";
import { findSubject } from "./subjects";
import { streamEvent } from "./views";

/** Quiet time after a change before evaluating, and the minimum time between two evaluations of one release. */
const DEBOUNCE_MS = 250;
const MIN_INTERVAL_MS = 1_000;
const NOT_SYNCED_RETRY_MS = 1_000;
/** Changes of these types can affect any release (sources, stores live in other namespaces). */
const GLOBAL_RESOURCES = new Set(["helmrepositories", "ocirepositories", "helmcharts", "gitrepositories", "clustersecretstores"]);

interface Slot {
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  again: boolean;
  lastAt: number;
  trigger: RunTrigger;
}

/** Kinds whose changes decide which HelmReleases are Airflow releases. */
const SOURCE_RESOURCES = new Set(["helmcharts", "ocirepositories"]);
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

interface SubjectIndex {
  all: Set<string>;
  /** Subject keys by the namespaces whose changes concern them (the HelmRelease's and the workload namespace). */
  byNamespace: Map<string, Set<string>>;
  /** Subject keys by `<workload namespace>/<helm release name>`: objects labelled `release=<name>` concern only these. */
  byRelease: Map<string, Set<string>>;
  /** Subject keys by the Kustomization (`<namespace>/<name>`) that applied the HelmRelease (its kustomize labels). */
  byKustomization: Map<string, Set<string>>;
}

const add = (map: Map<string, Set<string>>, at: string, key: string) => {
  let set = map.get(at);
  if (!set) map.set(at, (set = new Set()));
  set.add(key);
};

export class ChecklistMonitor {
  private readonly slots = new Map<string, Slot>();
  private unsubscribe: (() => void) | null = null;
  private index: SubjectIndex | null = null;
  private swept = false;
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private working = false;

  constructor(private readonly cache: ClusterCache) {}

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.cache.subscribe((c) => this.onChange(c));
    this.sweepWhenSynced();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    for (const s of this.slots.values()) if (s.timer) clearTimeout(s.timer);
    this.slots.clear();
    this.queue.length = 0;
    this.queued.clear();
  }

  /** Re-evaluate one release soon (after human input, or on request). */
  kick(namespace: string, name: string, trigger: RunTrigger = "input"): void {
    this.schedule(namespace, name, trigger);
  }

  /** Until the cache has synced, changes are only the initial lists: evaluate every subject once, afterwards. */
  private sweepWhenSynced(): void {
    this.syncTimer = null;
    if (!this.cache.synced()) {
      this.syncTimer = setTimeout(() => this.sweepWhenSynced(), NOT_SYNCED_RETRY_MS);
      return;
    }
    this.swept = true;
    for (const key of this.subjects().all) this.scheduleKey(key, "change");
  }

  private onChange(change: ClusterChange): void {
    if (change.resource === "events" || change.resource === "namespaces") return;
    if (SOURCE_RESOURCES.has(change.resource)) this.index = null;
    if (change.resource === "helmreleases") {
      this.index = null;
      if (change.type === "DELETED") this.slots.delete(this.key(change.object));
    }
    if (!this.swept) return;
    for (const key of this.concerned(change)) this.scheduleKey(key, "change");
  }

  /**
   * The releases a change can affect: every release for sources and ClusterSecretStores; for a Kustomization the
   * releases it applied (the only Kustomization a release's Flux facts include); for an object labelled
   * `release=<name>` (what the chart puts on its pods, workloads, PDBs and ConfigMaps) only that release — the
   * evaluation ignores objects of other releases; otherwise every release of the namespace.
   */
  private concerned(change: ClusterChange): Iterable<string> {
    const index = this.subjects();
    if (GLOBAL_RESOURCES.has(change.resource)) return index.all;
    const ns = change.object.metadata.namespace ?? "";
    if (change.resource === "kustomizations") return index.byKustomization.get(`${ns}/${change.object.metadata.name}`) ?? [];
    const release = change.resource === "helmreleases" ? undefined : change.object.metadata.labels?.release;
    if (release !== undefined) return index.byRelease.get(`${ns}/${release}`) ?? [];
    return index.byNamespace.get(ns) ?? [];
  }

  /** Which HelmReleases are subjects, rebuilt only after a HelmRelease or chart source changed: O(releases + sources). */
  private subjects(): SubjectIndex {
    if (this.index) return this.index;
    const sources = new Map<string, KubeObject>();
    for (const r of SOURCE_RESOURCES) for (const s of this.cache.list(r)) sources.set(`${s.kind}/${s.metadata.namespace ?? ""}/${s.metadata.name}`, s);
    const index: SubjectIndex = { all: new Set(), byNamespace: new Map(), byRelease: new Map(), byKustomization: new Map() };
    for (const hr of this.cache.list("helmreleases")) {
      const ref = hr.spec?.chartRef as { kind?: string; name?: string; namespace?: string } | undefined;
      const source = ref ? sources.get(`${ref.kind}/${ref.namespace ?? hr.metadata.namespace ?? ""}/${ref.name}`) : undefined;
      if (!isAirflowRelease(hr, source ? [source] : [])) continue;
      const key = this.key(hr);
      index.all.add(key);
      for (const ns of new Set([hr.metadata.namespace ?? "default", workloadNamespace(hr)])) add(index.byNamespace, ns, key);
      add(index.byRelease, `${workloadNamespace(hr)}/${helmReleaseName(hr)}`, key);
      const labels = hr.metadata.labels ?? {};
      const ks = labels["kustomize.toolkit.fluxcd.io/name"];
      if (ks) add(index.byKustomization, `${labels["kustomize.toolkit.fluxcd.io/namespace"] ?? ""}/${ks}`, key);
    }
    this.index = index;
    return index;
  }

  private key(hr: KubeObject): string {
    return `${hr.metadata.namespace ?? "default"}/${hr.metadata.name}`;
  }

  private scheduleKey(key: string, trigger: RunTrigger): void {
    const slash = key.indexOf("/");
    this.schedule(key.slice(0, slash), key.slice(slash + 1), trigger);
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
    if (slot.timer || this.queued.has(key)) return;
    const delay = Math.max(DEBOUNCE_MS, slot.lastAt + MIN_INTERVAL_MS - Date.now());
    const s = slot;
    s.timer = setTimeout(() => {
      s.timer = null;
      this.enqueue(key);
    }, delay);
  }

  /** Due evaluations run one at a time, yielding to I/O between them, so a burst never blocks the event loop. */
  private enqueue(key: string): void {
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.queue.push(key);
    }
    void this.work();
  }

  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      for (let key = this.queue.shift(); key !== undefined; key = this.queue.shift()) {
        this.queued.delete(key);
        const slot = this.slots.get(key);
        if (!slot) continue;
        await yieldToIo();
        const slash = key.indexOf("/");
        await this.run(key.slice(0, slash), key.slice(slash + 1), slot);
      }
    } finally {
      this.working = false;
    }
  }

  private async run(namespace: string, name: string, slot: Slot): Promise<void> {
    if (!this.cache.synced()) {
      slot.timer = setTimeout(() => {
        slot.timer = null;
        this.enqueue(`${namespace}/${name}`);
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
