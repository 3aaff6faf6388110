// StatefulSet controller: ordinal pods "<name>-<i>" (OrderedReady or Parallel), controller-revision-hash
// revisions, RollingUpdate from the highest ordinal down to the partition one pod at a time, OnDelete (pods
// only move to the new revision when deleted), scale down from the top, and currentRevision/updateRevision.
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asNumber, asString, controllerOf, getPath, specOf, statusOf } from "../sim/objects";
import { templateHash } from "../sim/hash";
import { isPodReady } from "../sim/workload-health";
import { ReconcileLoop } from "./controller";
import { buildPod } from "./pod-factory";
import { deletePod, ownedPods } from "./workload-common";

const MANAGER = "kube-controller-manager";
const REVISION = "controller-revision-hash";

export class StatefulSetController extends ReconcileLoop {
  private readonly templates = new Map<string, Record<string, unknown>>(); // revision -> pod template (ControllerRevisions)

  constructor(ctx: SimContext) {
    super(ctx, MANAGER, "StatefulSet", R.statefulsets);
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
      if (owner?.kind === "StatefulSet") this.enqueue(obj.metadata.namespace, owner.name, this.ctx.delay(100, 300));
    }
  }

  start(): void {
    for (const s of this.ctx.store.list(this.key)) {
      if (asNumber(statusOf(s).observedGeneration) !== (s.metadata.generation ?? 1))
        this.enqueueObj(s, this.ctx.delay(100, 400));
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const sts = this.get(namespace, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const spec = specOf(sts);
    const replicas = asNumber(spec.replicas) ?? 1;
    const template = asMap(spec.template) ?? {};
    const updateRevision = `${name}-${templateHash(template)}`;
    const onDelete = asString(getPath(spec, "updateStrategy.type")) === "OnDelete";
    const partition = asNumber(getPath(spec, "updateStrategy.rollingUpdate.partition")) ?? 0;
    const parallel = asString(spec.podManagementPolicy) === "Parallel";
    const pods = ownedPods(this.ctx, sts).filter((p) => !p.metadata.deletionTimestamp);
    const byOrdinal = new Map<number, KObject>();
    for (const p of pods) byOrdinal.set(ordinal(p.metadata.name, name), p);
    const currentRevision = asString(statusOf(sts).currentRevision) ?? updateRevision;
    this.templates.set(updateRevision, template);

    // Scale down from the highest ordinal, one at a time.
    const extra = [...byOrdinal.keys()].filter((i) => i >= replicas).sort((a, b) => b - a);
    if (extra.length) {
      deletePod(this.ctx, byOrdinal.get(extra[0]) as KObject);
      byOrdinal.delete(extra[0]);
    } else {
      // Create missing ordinals (in order unless Parallel); a missing pod is created at the update revision,
      // except below the partition where it keeps the current revision.
      for (let i = 0; i < replicas; i++) {
        if (byOrdinal.has(i)) {
          if (!parallel && !isPodReady(byOrdinal.get(i) as KObject)) break;
          continue;
        }
        const rev = !onDelete && i < partition ? currentRevision : updateRevision;
        const tmpl = this.templates.get(rev) ?? template;
        const pod = buildPod(
          this.ctx,
          sts,
          `${name}-${i}`,
          tmpl,
          {
            [REVISION]: rev,
            "statefulset.kubernetes.io/pod-name": `${name}-${i}`,
            "apps.kubernetes.io/pod-index": String(i),
          },
          { hostname: `${name}-${i}`, subdomain: asString(spec.serviceName) },
        );
        byOrdinal.set(i, this.ctx.store.create(R.pods, pod, { fieldManager: MANAGER }));
        if (!parallel) break;
      }
      // Rolling update: highest ordinal first, only when every pod is ready.
      const all = [...byOrdinal.values()];
      if (!onDelete && all.length === replicas && all.every(isPodReady)) {
        for (let i = replicas - 1; i >= partition; i--) {
          const p = byOrdinal.get(i);
          if (p && p.metadata.labels?.[REVISION] !== updateRevision) {
            deletePod(this.ctx, p);
            byOrdinal.delete(i);
            break;
          }
        }
      }
    }
    const live = [...byOrdinal.values()];
    const updated = live.filter((p) => p.metadata.labels?.[REVISION] === updateRevision).length;
    const ready = live.filter(isPodReady).length;
    const rolledOut = updated === replicas && live.length === replicas;
    this.writeStatus(namespace, name, (st) => {
      st.observedGeneration = sts.metadata.generation ?? 1;
      st.replicas = live.length;
      st.readyReplicas = ready;
      st.availableReplicas = ready;
      st.currentReplicas = rolledOut ? updated : live.length - updated;
      st.updatedReplicas = updated;
      st.currentRevision = rolledOut ? updateRevision : currentRevision;
      st.updateRevision = updateRevision;
      st.collisionCount = 0;
      for (const k of ["readyReplicas", "availableReplicas", "currentReplicas", "updatedReplicas"])
        if (st[k] === 0) delete st[k];
    });
  }
}

function ordinal(podName: string, stsName: string): number {
  const n = Number(podName.slice(stsName.length + 1));
  return Number.isInteger(n) ? n : -1;
}
