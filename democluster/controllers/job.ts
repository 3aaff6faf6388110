// Job controller: runs pods to completion (completions/parallelism), counts failures against backoffLimit,
// sets Complete/SuccessCriteriaMet or Failed/FailureTarget conditions, and honours ttlSecondsAfterFinished.
// Pods use restartPolicy from the template (OnFailure restarts count as failures, like kube >= 1.28).
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMaps, asNumber, asString, controllerOf, getPath, nowTime, specOf, statusOf } from "../sim/objects";
import { getCondition, setCondition } from "../sim/conditions";
import { isPodReady } from "../sim/workload-health";
import { StatusError } from "../store/errors";
import { ReconcileLoop } from "./controller";
import { buildPod } from "./pod-factory";
import { deletePod, ownedPods } from "./workload-common";

const MANAGER = "kube-controller-manager";

export class JobController extends ReconcileLoop {
  constructor(ctx: SimContext) {
    super(ctx, MANAGER, "Job", R.jobs);
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (this.is(event)) {
      if (event.type === "ADDED") this.enqueueObj(obj, this.ctx.delay(100, 300));
      return;
    }
    if (this.is(event, R.pods)) {
      const owner = controllerOf(obj);
      if (owner?.kind === "Job") this.enqueue(obj.metadata.namespace, owner.name, this.ctx.delay(100, 300));
    }
  }

  start(): void {
    for (const j of this.ctx.store.list(this.key)) {
      if (!finished(j) || asNumber(specOf(j).ttlSecondsAfterFinished) !== undefined)
        this.enqueueObj(j, this.ctx.delay(100, 400));
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const job = this.get(namespace, name);
    if (!job || job.metadata.deletionTimestamp) return;
    if (finished(job)) return this.expire(job);
    const spec = specOf(job);
    const completions = asNumber(spec.completions) ?? 1;
    const parallelism = asNumber(spec.parallelism) ?? 1;
    const backoffLimit = asNumber(spec.backoffLimit) ?? 6;
    const pods = ownedPods(this.ctx, job).filter((p) => !p.metadata.deletionTimestamp);
    const phase = (p: KObject): string => asString(getPath(p, "status.phase")) ?? "Pending";
    const succeeded = pods.filter((p) => phase(p) === "Succeeded").length;
    const restarts = pods.reduce(
      (n, p) =>
        n + asMaps(getPath(p, "status.containerStatuses")).reduce((m, c) => m + (asNumber(c.restartCount) ?? 0), 0),
      0,
    );
    const failed = pods.filter((p) => phase(p) === "Failed").length + restarts;
    let active = pods.filter((p) => phase(p) !== "Succeeded" && phase(p) !== "Failed");
    const start = asString(statusOf(job).startTime) ?? nowTime();

    if (succeeded >= completions) {
      this.writeStatus(namespace, name, (st) => {
        Object.assign(st, {
          startTime: start,
          completionTime: nowTime(),
          succeeded,
          ready: 0,
          terminating: 0,
          uncountedTerminatedPods: {},
        });
        if (failed) st.failed = failed;
        delete st.active;
        setCondition(st, {
          type: "SuccessCriteriaMet",
          status: "True",
          reason: "CompletionsReached",
          message: "Reached expected number of succeeded pods",
        });
        setCondition(st, {
          type: "Complete",
          status: "True",
          reason: "CompletionsReached",
          message: "Reached expected number of succeeded pods",
        });
      });
      this.ctx.events.record(job, "Normal", "Completed", "Job completed", "job-controller");
      return this.expire(this.get(namespace, name) ?? job);
    }
    if (failed > backoffLimit) {
      for (const p of active) deletePod(this.ctx, p);
      this.writeStatus(namespace, name, (st) => {
        Object.assign(st, { startTime: start, failed, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
        if (succeeded) st.succeeded = succeeded;
        delete st.active;
        setCondition(st, {
          type: "FailureTarget",
          status: "True",
          reason: "BackoffLimitExceeded",
          message: "Job has reached the specified backoff limit",
        });
        setCondition(st, {
          type: "Failed",
          status: "True",
          reason: "BackoffLimitExceeded",
          message: "Job has reached the specified backoff limit",
        });
      });
      this.ctx.events.record(
        job,
        "Warning",
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit",
        "job-controller",
      );
      return this.expire(this.get(namespace, name) ?? job);
    }
    const want = Math.min(parallelism, completions - succeeded) - active.length;
    for (let i = 0; i < want; i++) {
      const podName = `${name}-${this.ctx.rng.suffix(5)}`;
      const labels = {
        "batch.kubernetes.io/controller-uid": job.metadata.uid ?? "",
        "batch.kubernetes.io/job-name": name,
        "controller-uid": job.metadata.uid ?? "",
        "job-name": name,
      };
      const pod = buildPod(this.ctx, job, podName, (specOf(job).template ?? {}) as Record<string, unknown>, labels);
      active = [...active, this.ctx.store.create(R.pods, pod, { fieldManager: MANAGER })];
      this.ctx.events.record(job, "Normal", "SuccessfulCreate", `Created pod: ${podName}`, "job-controller");
    }
    this.writeStatus(namespace, name, (st) => {
      Object.assign(st, {
        startTime: start,
        active: active.length,
        ready: active.filter(isPodReady).length,
        terminating: 0,
        uncountedTerminatedPods: {},
      });
      if (succeeded) st.succeeded = succeeded;
      if (failed) st.failed = failed;
    });
  }

  private expire(job: KObject): void {
    const ttl = asNumber(specOf(job).ttlSecondsAfterFinished);
    const done = asString(statusOf(job).completionTime) ?? getCondition(job, "Failed")?.lastTransitionTime;
    if (ttl === undefined || !done) return;
    const dueIn = Date.parse(done) + this.ctx.scheduler.scaled(ttl * 1000) - Date.now();
    if (dueIn > 0) {
      this.enqueue(job.metadata.namespace, job.metadata.name, dueIn / this.ctx.scheduler.timeScale);
      return;
    }
    try {
      this.ctx.store.delete(R.jobs, job.metadata.namespace, job.metadata.name);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}

function finished(job: KObject): boolean {
  return getCondition(job, "Complete")?.status === "True" || getCondition(job, "Failed")?.status === "True";
}
