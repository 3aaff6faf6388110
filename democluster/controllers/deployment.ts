// Deployment controller (pods owned directly; ReplicaSets are not simulated): pod-template-hash per template,
// rolling updates honouring maxSurge/maxUnavailable (one pod at a time for small replica counts), Recreate,
// paused, scaling, status (replicas/updated/ready/available, Available + Progressing conditions incl.
// ProgressDeadlineExceeded) and ScalingReplicaSet events.
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asNumber, asString, controllerOf, getPath, specOf, statusOf } from "../sim/objects";
import { setCondition } from "../sim/conditions";
import { templateHash } from "../sim/hash";
import { isPodReady } from "../sim/workload-health";
import { ReconcileLoop } from "./controller";
import { buildPod } from "./pod-factory";
import { deletePod, intOrPercent, ownedPods } from "./workload-common";

const MANAGER = "kube-controller-manager";

export class DeploymentController extends ReconcileLoop {
  private readonly counts = new Map<string, Map<string, number>>(); // deployment uid -> hash -> pods
  private readonly progressSince = new Map<string, number>();

  constructor(ctx: SimContext) {
    super(ctx, MANAGER, "Deployment", R.deployments);
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (this.is(event)) {
      if (event.type !== "DELETED" && asNumber(statusOf(obj).observedGeneration) !== (obj.metadata.generation ?? 1))
        this.enqueueObj(obj, this.ctx.delay(100, 300));
      return;
    }
    if (this.is(event, R.pods)) {
      const owner = controllerOf(obj);
      if (owner?.kind === "Deployment") this.enqueue(obj.metadata.namespace, owner.name, this.ctx.delay(100, 300));
    }
  }

  start(): void {
    for (const d of this.ctx.store.list(this.key)) {
      if (asNumber(statusOf(d).observedGeneration) !== (d.metadata.generation ?? 1))
        this.enqueueObj(d, this.ctx.delay(100, 400));
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const d = this.get(namespace, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const spec = specOf(d);
    const desired = asNumber(spec.replicas) ?? 1;
    const template = asMap(spec.template) ?? {};
    const hash = templateHash(template);
    let pods = ownedPods(this.ctx, d).filter((p) => !p.metadata.deletionTimestamp);
    const isNew = (p: KObject): boolean => p.metadata.labels?.["pod-template-hash"] === hash;
    if (spec.paused !== true) {
      const recreate = asString(getPath(spec, "strategy.type")) === "Recreate";
      const surge = recreate ? 0 : intOrPercent(getPath(spec, "strategy.rollingUpdate.maxSurge"), desired, true, "25%");
      let unavailable = recreate
        ? desired
        : intOrPercent(getPath(spec, "strategy.rollingUpdate.maxUnavailable"), desired, false, "25%");
      if (surge === 0 && unavailable === 0) unavailable = 1;
      const olds = pods.filter((p) => !isNew(p));
      const news = pods.filter(isNew);
      const doomed: KObject[] = [];
      if (recreate && olds.length) doomed.push(...olds);
      else {
        // Unhealthy old pods go first; healthy old pods only while availability stays >= desired - maxUnavailable.
        doomed.push(...olds.filter((p) => !isPodReady(p)));
        let spare = pods.filter(isPodReady).length - (desired - unavailable);
        for (const p of olds.filter(isPodReady)) {
          if (spare <= 0) break;
          doomed.push(p);
          spare -= 1;
        }
        const extraNew = news.length - desired;
        if (extraNew > 0)
          doomed.push(...[...news].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b))).slice(0, extraNew));
      }
      for (const p of doomed) deletePod(this.ctx, p);
      pods = pods.filter((p) => !doomed.includes(p));
      const canCreate =
        recreate && pods.some((p) => !isNew(p))
          ? 0
          : Math.min(desired - pods.filter(isNew).length, desired + surge - pods.length);
      for (let i = 0; i < canCreate; i++) {
        const pod = buildPod(this.ctx, d, `${name}-${hash}-${this.ctx.rng.suffix(5)}`, template, {
          "pod-template-hash": hash,
        });
        pods.push(this.ctx.store.create(R.pods, pod, { fieldManager: MANAGER }));
      }
    }
    this.recordScaling(d, pods, hash);
    this.writeDeploymentStatus(d, pods, hash, desired);
  }

  private recordScaling(d: KObject, pods: KObject[], hash: string): void {
    const uid = d.metadata.uid ?? "";
    const before = this.counts.get(uid) ?? new Map<string, number>();
    const after = new Map<string, number>();
    for (const p of pods) {
      const h = p.metadata.labels?.["pod-template-hash"] ?? hash;
      after.set(h, (after.get(h) ?? 0) + 1);
    }
    for (const h of new Set([...before.keys(), ...after.keys()])) {
      const from = before.get(h) ?? 0;
      const to = after.get(h) ?? 0;
      if (from === to) continue;
      const verb = to > from ? "up" : "down";
      this.ctx.events.record(
        d,
        "Normal",
        "ScalingReplicaSet",
        `Scaled ${verb} replica set ${d.metadata.name}-${h} from ${from} to ${to}`,
        "deployment-controller",
      );
    }
    this.counts.set(uid, after);
  }

  private writeDeploymentStatus(d: KObject, pods: KObject[], hash: string, desired: number): void {
    const updated = pods.filter((p) => p.metadata.labels?.["pod-template-hash"] === hash);
    const ready = pods.filter(isPodReady).length;
    const unavailable = intOrPercent(getPath(d, "spec.strategy.rollingUpdate.maxUnavailable"), desired, false, "25%");
    const complete =
      updated.length === desired && pods.length === desired && updated.filter(isPodReady).length === desired;
    const uid = d.metadata.uid ?? "";
    const now = Date.now();
    if (complete) this.progressSince.delete(uid);
    else if (!this.progressSince.has(uid)) this.progressSince.set(uid, now);
    const deadline = (asNumber(getPath(d, "spec.progressDeadlineSeconds")) ?? 600) * 1000;
    const timedOut = !complete && now - (this.progressSince.get(uid) ?? now) > this.ctx.scheduler.scaled(deadline);
    const rs = `${d.metadata.name}-${hash}`;
    this.writeStatus(d.metadata.namespace, d.metadata.name, (st) => {
      st.observedGeneration = d.metadata.generation ?? 1;
      st.replicas = pods.length;
      st.updatedReplicas = updated.length;
      st.readyReplicas = ready;
      st.availableReplicas = ready;
      if (pods.length - ready > 0) st.unavailableReplicas = pods.length - ready;
      else delete st.unavailableReplicas;
      for (const k of ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas"])
        if (st[k] === 0) delete st[k];
      const available = ready >= desired - unavailable;
      setCondition(
        st,
        available
          ? {
              type: "Available",
              status: "True",
              reason: "MinimumReplicasAvailable",
              message: "Deployment has minimum availability.",
            }
          : {
              type: "Available",
              status: "False",
              reason: "MinimumReplicasUnavailable",
              message: "Deployment does not have minimum availability.",
            },
        { withUpdateTime: true },
      );
      setCondition(
        st,
        complete
          ? {
              type: "Progressing",
              status: "True",
              reason: "NewReplicaSetAvailable",
              message: `ReplicaSet "${rs}" has successfully progressed.`,
            }
          : timedOut
            ? {
                type: "Progressing",
                status: "False",
                reason: "ProgressDeadlineExceeded",
                message: `ReplicaSet "${rs}" has timed out progressing.`,
              }
            : {
                type: "Progressing",
                status: "True",
                reason: "ReplicaSetUpdated",
                message: `ReplicaSet "${rs}" is progressing.`,
              },
        { withUpdateTime: true },
      );
    });
    if (timedOut) this.enqueue(d.metadata.namespace, d.metadata.name, 30_000);
    else if (!complete) this.enqueue(d.metadata.namespace, d.metadata.name, deadline + 1000);
  }
}
