// Tracks in-flight operations in this process: evaluates the current step whenever the watch-backed cluster cache
// reports a change of the object (no API polling; a 2 s timer only re-checks deadlines), sends the next step of
// `withSource` operations, persists every state change and publishes it to the SSE feed. After a server restart,
// ensureTrackingResumed() picks the in-flight operations up again from the database. In read-only mode
// (FLUXTOWER_READ_ONLY) the next step is not sent: the operation says it is paused, and tracking goes on.
import "server-only";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterChange } from "@/lib/k8s/cache/cluster-cache";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { parseStringArray } from "@/lib/db/json-text";
import type { ActionName } from "./catalog";
import { formatTimeout } from "./duration";
import { publishOperation } from "./feed";
import { getAsUser } from "./kube";
import { refusalFor } from "./preconditions";
import { currentStepIndex, evaluateStep, overallProgress } from "./progress";
import { ownedExternalSecrets } from "./progress-eso";
import { deliverStep, prepareStep, type OperationIdentity } from "./send-step";
import { writtenValue } from "./step-request";
import { allActiveOperations, updateOperation } from "./store";
import { isTerminal, type StepProgress, type StepRecord } from "./types";
import { parseSteps, toOperationView, type OperationRow } from "./view";

const TICK_MS = 2_000;
const READ_ONLY_PAUSE = "paused: read-only mode — the next request is sent when Fluxtower runs writable again";

const holder = globalThis as unknown as { fluxtowerTrackers?: Map<string, Tracker>; fluxtowerTrackingResumed?: Promise<void> };
const trackers = (holder.fluxtowerTrackers ??= new Map<string, Tracker>());

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

class Tracker {
  private readonly steps: StepRecord[];
  private readonly op: OperationIdentity & { id: string };
  private acknowledgedAt: Date | null;
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(row: OperationRow) {
    this.steps = parseSteps(row);
    const target = this.steps[this.steps.length - 1];
    this.op = {
      id: row.id,
      cluster: row.cluster,
      action: row.action as ActionName,
      user: row.user,
      groups: parseStringArray(row.groups, "Operation.groups"),
      reason: row.reason,
      targetLabel: target ? `${target.kind} ${target.namespace ? `${target.namespace}/` : ""}${target.name}` : row.name,
    };
    this.acknowledgedAt = row.acknowledgedAt;
  }

  start(): void {
    const cache = clusterCache(this.op.cluster);
    if (cache) this.unsubscribe = cache.subscribe((c) => this.relevant(c) && this.kick());
    this.timer = setInterval(() => this.kick(), TICK_MS);
    this.timer.unref?.();
    this.kick();
  }

  private stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    trackers.delete(this.op.id);
  }

  private relevant(change: ClusterChange): boolean {
    const step = this.steps[currentStepIndex(this.steps)];
    if (!step) return false;
    if (step.kind === "ClusterExternalSecret" && change.resource === "externalsecrets") return true;
    const m = change.object.metadata;
    return change.resource === step.resource && m.name === step.name && (m.namespace ?? null) === step.namespace;
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void (async () => {
      try {
        do {
          this.again = false;
          await this.tick();
        } while (this.again && !this.stopped);
      } catch (err) {
        logger.error({ operation: this.op.id, err: errorText(err) }, "operation tracking failed; retrying on the next change");
      } finally {
        this.running = false;
      }
    })();
  }

  private async tick(): Promise<void> {
    const cache = clusterCache(this.op.cluster);
    const i = currentStepIndex(this.steps);
    const step = this.steps[i];
    if (!cache) return this.finishStep(i, { state: "failed", message: `cluster "${this.op.cluster}" is no longer configured` });
    if (isTerminal(step.state)) return this.persist();
    const objectCache = cache.caches.get(step.resource);
    const reliable = !!objectCache?.state.synced && !objectCache.state.stale;
    const obj = cache.get(step.resource, step.namespace ?? undefined, step.name);

    if (!step.sentAt) return this.unsent(i, obj, reliable);
    if (!obj && !reliable) {
      if (step.deadline && Date.now() >= Date.parse(step.deadline)) {
        return this.finishStep(i, { state: "timed-out", message: `no result within ${formatTimeout(step.timeoutMs)}; the cluster cache is not in sync (${cache.status().message})` });
      }
      return;
    }
    const children = step.kind === "ClusterExternalSecret" && obj ? ownedExternalSecrets(obj, cache.list("externalsecrets")) : undefined;
    const p = evaluateStep({ step, object: obj, now: Date.now(), children });
    if (p.state === step.state && p.message === step.message) return;
    await this.finishStep(i, p);
    if (p.state === "succeeded" && i < this.steps.length - 1) this.again = true;
  }

  /** A step without sentAt: the next step of a withSource operation, or one interrupted by a restart. */
  private async unsent(i: number, obj: KubeObject | undefined, reliable: boolean): Promise<void> {
    const step = this.steps[i];
    if (step.token) {
      if (!obj && !reliable) return; // wait for the cache before deciding
      if (obj && writtenValue(step, obj) === step.token) {
        const now = new Date();
        this.steps[i] = { ...step, sentAt: now.toISOString(), deadline: new Date(now.getTime() + step.timeoutMs).toISOString(), message: "request sent; waiting for the controller" };
        this.again = true;
        return this.persist();
      }
      return this.finishStep(i, { state: "failed", message: "interrupted by a server restart before the request was sent; nothing was changed" });
    }
    if (i === 0) return this.finishStep(i, { state: "failed", message: "the request was never sent; nothing was changed" });
    if (env().FLUXTOWER_READ_ONLY) {
      if (step.message === READ_ONLY_PAUSE) return;
      this.steps[i] = { ...step, message: READ_ONLY_PAUSE };
      return this.persist();
    }
    await this.sendNext(i);
    this.again = true;
  }

  private async sendNext(i: number): Promise<void> {
    const step = this.steps[i];
    let current: KubeObject;
    try {
      current = await getAsUser(this.op.cluster, { user: step.actor, groups: this.op.groups }, step.resource, step.namespace, step.name);
    } catch (err) {
      return this.finishStep(i, { state: "failed", message: `could not read ${step.kind} ${step.name} as ${step.actor}: ${errorText(err)}` });
    }
    const refusal = refusalFor(step.progress === "reconcile" ? "reconcile" : this.op.action, current);
    if (refusal) return this.finishStep(i, { state: "failed", message: refusal.message });
    const prepared = await prepareStep(this.op, step, current);
    this.steps[i] = prepared;
    await this.persist();
    try {
      this.steps[i] = (await deliverStep(this.op, prepared, current)).step;
      await this.persist();
    } catch (err) {
      await this.finishStep(i, { state: "failed", message: `the API server refused the request: ${errorText(err)}` });
    }
  }

  private async finishStep(i: number, p: StepProgress): Promise<void> {
    const step = this.steps[i];
    const now = new Date().toISOString();
    const next: StepRecord = { ...step, state: p.state, message: p.message };
    if (!step.acknowledgedAt && ["acknowledged", "reconciling", "succeeded"].includes(p.state)) next.acknowledgedAt = now;
    if (isTerminal(p.state)) next.finishedAt = now;
    this.steps[i] = next;
    await this.persist();
  }

  private async persist(): Promise<void> {
    const overall = overallProgress(this.steps);
    const first = this.steps[0];
    if (!this.acknowledgedAt && first?.acknowledgedAt) this.acknowledgedAt = new Date(first.acknowledgedAt);
    const current = this.steps[currentStepIndex(this.steps)];
    const terminal = isTerminal(overall.state);
    const row = await updateOperation(this.op.id, {
      state: overall.state,
      message: overall.message,
      steps: this.steps,
      token: this.steps[this.steps.length - 1]?.token ?? null,
      acknowledgedAt: this.acknowledgedAt,
      finishedAt: terminal ? new Date() : null,
      timeoutAt: current?.deadline ? new Date(current.deadline) : undefined,
    });
    publishOperation(toOperationView(row));
    if (terminal) this.stop();
  }
}

/** Starts tracking an operation in this process (idempotent). */
export function track(row: OperationRow): void {
  if (trackers.has(row.id)) return;
  const t = new Tracker(row);
  trackers.set(row.id, t);
  t.start();
}

/** Picks up every in-flight operation after a (re)start. Runs once per process; a failed attempt is retried. */
export function ensureTrackingResumed(): Promise<void> {
  holder.fluxtowerTrackingResumed ??= allActiveOperations()
    .then((rows) => {
      for (const row of rows) track(row);
      if (rows.length) logger.info({ count: rows.length }, "resumed tracking of in-flight operations");
    })
    .catch((err: unknown) => {
      holder.fluxtowerTrackingResumed = undefined;
      logger.error({ err: errorText(err) }, "could not resume in-flight operations");
    });
  return holder.fluxtowerTrackingResumed;
}
