// The kubelet: mounts volumes (FailedMount when a Secret/ConfigMap is missing), runs init containers in order,
// starts containers after resolving their env (CreateContainerConfigError when a Secret or key is missing; retried
// when Secrets change), lets programs crash per app-behavior (CrashLoopBackOff with growing back-off and
// restartCount), marks readiness after a delay, completes Job pods, and feeds the pod logs.
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMaps, asString, getPath, nowTime, type JsonMap } from "../sim/objects";
import { formatDuration } from "../sim/duration";
import { ReconcileLoop } from "./controller";
import { resolveEnv, volumeProblem } from "./container-config";
import { appCheck, type AppOutcome } from "./app-behavior";
import { forgetPgbouncerPod } from "./app-pgbouncer";
import { composeStatus, newRuntime, runtimeFromStatus, type CState, type PodRuntime } from "./pod-runtime";

const CONFIG_RETRY_MS = 5000;
const MAX_BACKOFF_MS = 300_000;
/** A program that retries its dependency (AppOutcome.retry) checks again this often, for at most the window. */
const RECHECK_MS = 2_000;
const RETRY_WINDOW_MS = 60_000;

export class KubeletController extends ReconcileLoop {
  private readonly runtimes = new Map<string, PodRuntime>();
  private readonly crashLines = new Map<string, string[]>();
  /** One-shot programs (init containers, Job pods) that change the simulation when they exit 0. */
  private readonly onExit0 = new Map<string, Extract<AppOutcome, { ok: true }>>();
  private readonly blocked = new Map<string, Set<string>>(); // namespace -> pods waiting on config

  constructor(ctx: SimContext) {
    super(ctx, "kubelet", "Pod", R.pods);
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (this.is(event)) {
      if (event.type === "DELETED") {
        this.runtimes.delete(obj.metadata.uid ?? "");
        forgetPgbouncerPod(this.ctx, obj.metadata.uid ?? "");
        for (const k of [...this.onExit0.keys()])
          if (k.startsWith(`${obj.metadata.uid ?? ""}/`)) this.onExit0.delete(k);
        this.blocked.get(obj.metadata.namespace ?? "")?.delete(obj.metadata.name);
        this.ctx.logs.forget(obj);
      } else if (event.type === "ADDED" && !runtimeFromStatus(obj)) {
        this.enqueueObj(obj, this.ctx.delay(150, 400));
      }
      return;
    }
    if (this.is(event, R.secrets) || this.is(event, R.configmaps)) {
      const ns = obj.metadata.namespace ?? "";
      for (const name of this.blocked.get(ns) ?? []) this.enqueue(ns, name, this.ctx.delay(100, 300));
    }
  }

  start(): void {
    for (const pod of this.ctx.store.list(this.key)) {
      const phase = asString(getPath(pod, "status.phase"));
      if (phase === "Succeeded" || phase === "Failed") continue;
      // Running pods (loaded settled) get their runtime lazily, rebuilt from their status.
      if (!runtimeFromStatus(pod)) this.enqueueObj(pod, this.ctx.delay(150, 400));
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const ns = namespace ?? "";
    const pod = this.get(ns, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    const uid = pod.metadata.uid ?? "";
    let rt = this.runtimes.get(uid) ?? runtimeFromStatus(pod);
    if (rt) this.runtimes.set(uid, rt);
    else {
      rt = newRuntime(pod, `10.244.${1 + this.ctx.rng.int(3)}.${2 + this.ctx.rng.int(250)}`);
      this.runtimes.set(uid, rt);
      const startAt = Date.now() + this.ctx.scheduler.scaled(this.ctx.delay(400, 1200));
      for (const c of [...rt.init, ...rt.main]) c.nextAt = startAt;
      this.ctx.events.record(
        pod,
        "Normal",
        "Scheduled",
        `Successfully assigned ${ns}/${name} to ${asString(getPath(pod, "spec.nodeName")) ?? "demo-worker"}`,
        "default-scheduler",
      );
    }
    const now = Date.now();
    let blocked = false;
    if (!rt.mounted) {
      const problem = volumeProblem(this.ctx, pod);
      if (problem) {
        blocked = true;
        this.ctx.events.record(pod, "Warning", "FailedMount", problem, "kubelet");
      } else {
        rt.mounted = true;
      }
    }
    if (rt.mounted) {
      const specs = [...asMaps(getPath(pod, "spec.initContainers")), ...asMaps(getPath(pod, "spec.containers"))];
      const spec = (c: CState): JsonMap => specs.find((s) => s.name === c.name) ?? {};
      const nextInit = rt.init.find((c) => !(c.phase === "terminated" && c.exitCode === 0));
      if (nextInit) blocked = this.step(pod, rt, nextInit, spec(nextInit), now) || blocked;
      else for (const c of rt.main) blocked = this.step(pod, rt, c, spec(c), now) || blocked;
    }
    const set = this.blocked.get(ns) ?? new Set<string>();
    if (blocked) set.add(name);
    else set.delete(name);
    this.blocked.set(ns, set);
    const restartPolicy = asString(getPath(pod, "spec.restartPolicy")) ?? "Always";
    const status = composeStatus(pod, rt, restartPolicy);
    this.writeStatus(ns, name, (st) => {
      for (const k of Object.keys(st)) delete st[k];
      Object.assign(st, status);
    });
    const wake = this.nextWake(rt, now, blocked);
    if (wake !== undefined) this.enqueue(ns, name, Math.max(0, (wake - now) / this.ctx.scheduler.timeScale));
  }

  /** Advances one container; returns true when it is blocked on missing configuration. */
  private step(pod: KObject, rt: PodRuntime, c: CState, spec: JsonMap, now: number): boolean {
    const restartPolicy = asString(getPath(pod, "spec.restartPolicy")) ?? "Always";
    const isJobPod = restartPolicy !== "Always";
    const fieldPath = `spec.${c.init ? "initContainers" : "containers"}{${c.name}}`;
    const key = `${rt.uid}/${c.name}`;
    if (c.phase === "waiting") {
      if (now < c.nextAt) return c.reason === "CreateContainerConfigError";
      const env = resolveEnv(this.ctx, pod, spec);
      if (!env.ok) {
        c.reason = "CreateContainerConfigError";
        c.message = env.message;
        c.nextAt = now + this.ctx.scheduler.scaled(CONFIG_RETRY_MS);
        this.ctx.events.record(pod, "Warning", "Failed", `Error: ${env.message}`, "kubelet", fieldPath);
        return true;
      }
      const outcome = appCheck(this.ctx, spec, env.env, pod);
      c.phase = "running";
      c.reason = undefined;
      c.message = undefined;
      c.startedAt = nowTime(new Date(now));
      this.ctx.logs.started(pod, c.name, now);
      if (c.restarts === 0)
        this.ctx.events.record(
          pod,
          "Normal",
          "Pulled",
          `Container image "${c.image}" already present on machine`,
          "kubelet",
          fieldPath,
        );
      this.ctx.events.record(pod, "Normal", "Created", `Created container: ${c.name}`, "kubelet", fieldPath);
      this.ctx.events.record(pod, "Normal", "Started", `Started container ${c.name}`, "kubelet", fieldPath);
      c.retryUntil = now + this.ctx.scheduler.scaled(RETRY_WINDOW_MS);
      this.schedule(c, key, outcome, isJobPod, now);
      return false;
    }
    if (c.phase !== "running") return false;
    if (c.recheckAt !== undefined && now >= c.recheckAt) {
      c.recheckAt = undefined;
      const env = resolveEnv(this.ctx, pod, spec);
      this.schedule(c, key, env.ok ? appCheck(this.ctx, spec, env.env, pod) : { ok: false, lines: [env.message] }, isJobPod, now);
    }
    if (c.crashAt !== undefined && now >= c.crashAt) {
      this.terminate(pod, c, now, 1, "Error", this.crashLines.get(key) ?? []);
      this.crashLines.delete(key);
      if (restartPolicy === "Never") return false;
      c.lastTerminated = {
        exitCode: 1,
        reason: "Error",
        startedAt: c.startedAt,
        finishedAt: c.finishedAt,
        containerID: `containerd://${key}`,
      };
      c.restarts += 1;
      c.phase = "waiting";
      c.reason = "CrashLoopBackOff";
      c.message = `back-off ${formatDuration(c.backoffMs)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${rt.uid})`;
      c.nextAt = now + this.ctx.scheduler.scaled(c.backoffMs);
      c.backoffMs = Math.min(c.backoffMs * 2, MAX_BACKOFF_MS);
      this.ctx.events.record(
        pod,
        "Warning",
        "BackOff",
        `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${rt.uid})`,
        "kubelet",
        fieldPath,
      );
      return false;
    }
    if (c.finishAt !== undefined && now >= c.finishAt) {
      const done = this.onExit0.get(key);
      this.onExit0.delete(key);
      this.terminate(pod, c, now, 0, "Completed", done?.lines ?? []);
      done?.onSuccess?.();
      return false;
    }
    if (c.readyAt !== undefined && now >= c.readyAt) {
      c.ready = true;
      c.readyAt = undefined;
    }
    return false;
  }

  /** What a started (or re-checking) program does next: crash, retry its dependency, finish, or become ready. */
  private schedule(c: CState, key: string, outcome: AppOutcome, isJobPod: boolean, now: number): void {
    if (!outcome.ok && outcome.retry && now < (c.retryUntil ?? now)) {
      c.recheckAt = now + this.ctx.scheduler.scaled(RECHECK_MS);
    } else if (!outcome.ok) {
      c.crashAt = now + this.ctx.scheduler.scaled(this.ctx.delay(800, 1800));
      this.crashLines.set(key, outcome.lines);
    } else if (c.init || isJobPod) {
      this.onExit0.set(key, outcome);
      c.finishAt = now + this.ctx.scheduler.scaled(c.init ? this.ctx.delay(300, 800) : this.ctx.delay(1500, 3000));
    } else {
      c.readyAt = now + this.ctx.scheduler.scaled(this.ctx.delay(600, 1800));
    }
  }

  private terminate(pod: KObject, c: CState, now: number, exitCode: number, reason: string, lines: string[]): void {
    c.phase = "terminated";
    c.exitCode = exitCode;
    c.reason = reason;
    c.finishedAt = nowTime(new Date(now));
    c.ready = false;
    c.crashAt = undefined;
    c.finishAt = undefined;
    c.readyAt = undefined;
    this.ctx.logs.ended(pod, c.name, lines, now);
  }

  private nextWake(rt: PodRuntime, now: number, blocked: boolean): number | undefined {
    let wake: number | undefined;
    const consider = (t: number | undefined): void => {
      if (t !== undefined) wake = wake === undefined ? t : Math.min(wake, t);
    };
    if (!rt.mounted) consider(now + this.ctx.scheduler.scaled(CONFIG_RETRY_MS));
    const active = rt.init.find((c) => !(c.phase === "terminated" && c.exitCode === 0));
    for (const c of active ? [active] : rt.main) {
      if (c.phase === "waiting")
        consider(
          Math.max(
            c.nextAt,
            now + this.ctx.scheduler.scaled(blocked && c.reason === "CreateContainerConfigError" ? 0 : 100),
          ),
        );
      consider(c.crashAt);
      consider(c.finishAt);
      consider(c.readyAt);
      consider(c.recheckAt);
    }
    if (active && active.phase === "terminated" && active.exitCode === 0) consider(now);
    return wake;
  }
}
