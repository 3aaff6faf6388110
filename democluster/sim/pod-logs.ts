// PodLogSource: logs are generated lazily per container run from its profile (startup lines, one periodic line
// per tick since start, then the termination output of a crashed/finished run). Runs are keyed by pod uid, so a
// re-created pod with the same name starts with fresh logs. Followers poll their container's run.
import type { KObject, Store } from "../store/types";
import type { PodLogSource } from "./types";
import { R } from "./resources";
import { asMaps, asString, getPath } from "./objects";
import { oneShotLines, profileFor, type LogContext } from "./log-profiles";
import { hashSeed, Rng } from "./random";

const MAX_PERIODIC = 400;
const FOLLOW_POLL_MS = 200;

interface Run {
  startedAt: number;
  endedAt?: number;
  tail: string[];
  ctx: LogContext;
  seed: number;
}

interface Numbered {
  idx: number;
  text: string;
}

export class PodLogs implements PodLogSource {
  private readonly runs = new Map<string, Run[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private podContext: (pod: KObject, container: string) => LogContext;

  constructor(
    private readonly store: Store,
    private readonly scale: () => number,
  ) {
    this.podContext = (pod, container) => defaultContext(pod, container);
  }

  /** Lets the workload layer describe containers (Airflow version, executor, git repo) for nicer logs. */
  setContextProvider(fn: (pod: KObject, container: string) => LogContext): void {
    this.podContext = fn;
  }

  started(pod: KObject, container: string, at = Date.now()): void {
    const key = runKey(pod, container);
    const list = this.runs.get(key) ?? [];
    const ctx = this.podContext(pod, container);
    list.push({ startedAt: at, tail: [], ctx, seed: hashSeed(`${key}#${list.length}`) });
    if (list.length > 3) list.shift();
    this.runs.set(key, list);
  }

  /** Ends the current run, appending its last words (crash traceback, completion output). */
  ended(pod: KObject, container: string, lines: string[], at = Date.now()): void {
    const run = this.current(runKey(pod, container));
    if (!run || run.endedAt !== undefined) return;
    run.endedAt = at;
    run.tail = lines;
  }

  forget(pod: KObject): void {
    const prefix = `${pod.metadata.uid}/`;
    for (const k of [...this.runs.keys()]) if (k.startsWith(prefix)) this.runs.delete(k);
  }

  lines(namespace: string, pod: string, container: string): string[] | undefined {
    const snap = this.snapshot(namespace, pod, container);
    return snap?.lines.map((l) => l.text);
  }

  follow(namespace: string, pod: string, container: string, onLine: (line: string) => void): () => void {
    let runStart = this.snapshot(namespace, pod, container)?.runStart;
    let last = this.snapshot(namespace, pod, container)?.lines.at(-1)?.idx ?? -1;
    const timer = setInterval(() => {
      const snap = this.snapshot(namespace, pod, container);
      if (!snap) return;
      if (snap.runStart !== runStart) {
        runStart = snap.runStart;
        last = -1;
      }
      for (const l of snap.lines) {
        if (l.idx > last) {
          last = l.idx;
          onLine(l.text);
        }
      }
    }, FOLLOW_POLL_MS);
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
  }

  private current(key: string): Run | undefined {
    return this.runs.get(key)?.at(-1);
  }

  private snapshot(
    namespace: string,
    podName: string,
    container: string,
  ): { runStart: number; lines: Numbered[] } | undefined {
    const pod = this.store.get(R.pods, namespace, podName);
    if (!pod) return undefined;
    const names = [...asMaps(getPath(pod, "spec.containers")), ...asMaps(getPath(pod, "spec.initContainers"))].map(
      (c) => asString(c.name),
    );
    if (!names.includes(container)) return undefined;
    const key = runKey(pod, container);
    let run = this.current(key);
    if (!run) {
      const startedAt = runningSince(pod, container);
      if (startedAt === undefined) return { runStart: 0, lines: [] };
      this.started(pod, container, startedAt);
      run = this.current(key) as Run;
    }
    return { runStart: run.startedAt, lines: this.render(run) };
  }

  private render(run: Run): Numbered[] {
    const out: Numbered[] = [];
    let idx = 0;
    const push = (t: number, text: string): void => {
      out.push({ idx: idx++, text: `${stamp(t)} ${text}` });
    };
    const oneShot = oneShotLines(run.ctx, run.startedAt);
    if (oneShot) {
      for (const [i, l] of oneShot.entries()) push(run.startedAt + i, l);
      for (const l of run.tail) push(run.endedAt ?? run.startedAt, l);
      return out;
    }
    const profile = profileFor(run.ctx);
    for (const [i, l] of profile.startup(run.ctx, run.startedAt).entries()) push(run.startedAt + i, l);
    const end = run.endedAt ?? Date.now();
    const period = profile.periodMs * this.scale();
    if (period > 0) {
      const ticks = Math.max(0, Math.floor((end - run.startedAt) / period));
      const first = Math.max(0, ticks - MAX_PERIODIC);
      idx += first * 2;
      for (let i = first; i < ticks; i++) {
        const rng = new Rng(run.seed ^ i);
        const t = run.startedAt + (i + 1) * period;
        const lines = profile.periodic(run.ctx, t, i, rng);
        for (let j = 0; j < 2; j++) {
          if (j < lines.length) out.push({ idx, text: `${stamp(t + j)} ${lines[j]}` });
          idx++;
        }
      }
    }
    for (const l of run.tail) push(run.endedAt ?? end, l);
    return out;
  }
}

/** RFC3339Nano, as the kubelet prefixes lines for `kubectl logs --timestamps`. */
function stamp(t: number): string {
  return new Date(t).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

function runKey(pod: KObject, container: string): string {
  return `${pod.metadata.uid}/${container}`;
}

/** Start time of a container that is running (or ran) according to the pod status. */
function runningSince(pod: KObject, container: string): number | undefined {
  const statuses = [
    ...asMaps(getPath(pod, "status.containerStatuses")),
    ...asMaps(getPath(pod, "status.initContainerStatuses")),
  ];
  const st = statuses.find((s) => s.name === container);
  const started =
    asString(getPath(st, "state.running.startedAt")) ?? asString(getPath(st, "state.terminated.startedAt"));
  return started ? Date.parse(started) : undefined;
}

export function defaultContext(pod: KObject, container: string): LogContext {
  const c = [...asMaps(getPath(pod, "spec.containers")), ...asMaps(getPath(pod, "spec.initContainers"))].find(
    (x) => x.name === container,
  );
  const image = asString(c?.image) ?? "";
  const tag = image.split(":")[1] ?? "";
  const env = asMaps(c?.env);
  const envValue = (n: string): string | undefined => asString(env.find((e) => e.name === n)?.value);
  return {
    container,
    image,
    pod: pod.metadata.name,
    namespace: pod.metadata.namespace ?? "",
    airflowMajor: tag.startsWith("2.") ? 2 : 3,
    executor: envValue("AIRFLOW__CORE__EXECUTOR") ?? "KubernetesExecutor",
    gitRepo: envValue("GITSYNC_REPO"),
    gitRef: envValue("GITSYNC_REF"),
  };
}
