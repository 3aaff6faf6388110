// PodDisruptionBudget controller: expectedPods / currentHealthy / desiredHealthy / disruptionsAllowed from the
// pods its selector matches, plus the DisruptionAllowed condition.
import type { StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, getPath, matchesLabels, specOf } from "../sim/objects";
import { setCondition } from "../sim/conditions";
import { isPodReady } from "../sim/workload-health";
import { ReconcileLoop } from "./controller";
import { intOrPercent } from "./workload-common";

export class PdbController extends ReconcileLoop {
  constructor(ctx: SimContext) {
    super(ctx, "kube-controller-manager", "PodDisruptionBudget", R.pdbs);
  }

  onEvent(event: StoreEvent): void {
    if (this.is(event)) {
      if (event.type !== "DELETED") this.enqueueObj(event.object, this.ctx.delay(100, 300));
      return;
    }
    if (this.is(event, R.pods)) {
      for (const p of this.ctx.store.list(R.pdbs, event.object.metadata.namespace)) {
        const sel = asMap(getPath(p, "spec.selector.matchLabels")) as Record<string, string> | undefined;
        if (matchesLabels(event.object.metadata.labels, sel)) this.enqueueObj(p, this.ctx.delay(100, 300));
      }
    }
  }

  start(): void {
    for (const p of this.ctx.store.list(this.key)) this.enqueueObj(p, this.ctx.delay(100, 400));
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const pdb = this.get(namespace, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const sel = asMap(getPath(pdb, "spec.selector.matchLabels")) as Record<string, string> | undefined;
    const pods = this.ctx.store
      .list(R.pods, namespace)
      .filter((p) => !p.metadata.deletionTimestamp && matchesLabels(p.metadata.labels, sel));
    const expected = pods.length;
    const healthy = pods.filter(isPodReady).length;
    const spec = specOf(pdb);
    const desired =
      spec.minAvailable !== undefined
        ? intOrPercent(spec.minAvailable, expected, true, "0")
        : Math.max(0, expected - intOrPercent(spec.maxUnavailable, expected, true, "1"));
    const allowed = Math.max(0, healthy - desired);
    this.writeStatus(namespace, name, (st) => {
      st.observedGeneration = pdb.metadata.generation ?? 1;
      st.expectedPods = expected;
      st.currentHealthy = healthy;
      st.desiredHealthy = desired;
      st.disruptionsAllowed = allowed;
      setCondition(
        st,
        allowed > 0
          ? { type: "DisruptionAllowed", status: "True", reason: "SufficientPods", message: "" }
          : { type: "DisruptionAllowed", status: "False", reason: "InsufficientPods", message: "" },
        { observedGeneration: pdb.metadata.generation ?? 1 },
      );
    });
  }
}
