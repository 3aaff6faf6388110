// source-controller for HelmChart: resolves spec.version against the (fake) repository catalog and stores the
// packaged chart as an artifact whose revision is the chart version. Re-checks when its source changes.
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asString, objKey, specOf, statusOf } from "../sim/objects";
import { getCondition, removeCondition } from "../sim/conditions";
import { ensureFinalizer, FLUX_FINALIZER, ReconcileLoop, removeFinalizer } from "./controller";
import {
  fluxCondition,
  intervalMs,
  isSuspended,
  markHandled,
  markReady,
  markReconciling,
  wantsReconcile,
} from "./flux-common";
import { makeArtifact, type Artifact } from "./source-artifact";
import { resolveChartVersion } from "./chart-catalog";

const SOURCE_KEYS: Record<string, typeof R.helmrepositories> = {
  HelmRepository: R.helmrepositories,
  GitRepository: R.gitrepositories,
};

export class HelmChartController extends ReconcileLoop {
  private readonly pulling = new Set<string>();

  constructor(ctx: SimContext) {
    super(ctx, "source-controller", "HelmChart", R.helmcharts);
  }

  onEvent(event: StoreEvent): void {
    if (this.is(event) && event.type !== "DELETED") {
      if (wantsReconcile(event.object)) this.enqueueObj(event.object, this.ctx.delay(200, 500));
      return;
    }
    if (this.is(event, R.helmrepositories) || this.is(event, R.gitrepositories)) {
      // A source's artifact or readiness changed: re-check the charts built from it.
      const src = event.object;
      for (const chart of this.ctx.store.list(R.helmcharts, src.metadata.namespace)) {
        const ref = asMap(specOf(chart).sourceRef);
        if (ref?.kind === src.kind && ref.name === src.metadata.name && this.sourceChanged(chart, src))
          this.enqueueObj(chart, this.ctx.delay(200, 500));
      }
    }
  }

  start(): void {
    for (const obj of this.ctx.store.list(this.key)) {
      const settled = !wantsReconcile(obj) && statusOf(obj).artifact;
      this.enqueueObj(obj, settled ? intervalMs(obj, 600_000) : this.ctx.delay(200, 600));
    }
  }

  private sourceChanged(chart: KObject, src: KObject): boolean {
    const srcRev = asString(asMap(statusOf(src).artifact)?.revision);
    const ready = getCondition(src, "Ready")?.status;
    return (
      srcRev !== asString(statusOf(chart).observedSourceArtifactRevision) ||
      (ready === "True") !== (getCondition(chart, "Ready")?.status === "True")
    );
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const obj = this.get(namespace, name);
    if (!obj) return;
    const ns = namespace ?? "";
    if (obj.metadata.deletionTimestamp) {
      this.writeMain(ns, name, (o) => removeFinalizer(o, FLUX_FINALIZER));
      return;
    }
    if (!(obj.metadata.finalizers ?? []).includes(FLUX_FINALIZER))
      this.writeMain(ns, name, (o) => void ensureFinalizer(o, FLUX_FINALIZER));
    if (isSuspended(obj)) return;
    const spec = specOf(obj);
    const chartName = asString(spec.chart) ?? "";
    const ref = asMap(spec.sourceRef) ?? {};
    const srcKind = asString(ref.kind) ?? "HelmRepository";
    const srcName = asString(ref.name) ?? "";
    const interval = intervalMs(obj, 600_000);
    const srcKey = SOURCE_KEYS[srcKind];
    const src = srcKey ? this.ctx.store.get(srcKey, ns, srcName) : undefined;
    if (!src) {
      this.fail(
        obj,
        "SourceUnavailable",
        `failed to get source: ${srcKind}.source.toolkit.fluxcd.io "${srcName}" not found`,
      );
      this.enqueue(ns, name, interval);
      return;
    }
    const srcArtifact = asMap(statusOf(src).artifact) as Artifact | undefined;
    const ociRepo = srcKind === "HelmRepository" && specOf(src).type === "oci";
    if (!srcArtifact && !ociRepo) {
      this.fail(obj, "NoSourceArtifact", `no artifact available for ${srcKind} source '${srcName}'`);
      this.enqueue(ns, name, interval);
      return;
    }
    const resolved = resolveChartVersion(chartName, asString(spec.version));
    if (!resolved) {
      this.fail(
        obj,
        "ChartPullError",
        `invalid chart reference: failed to get chart version for remote reference: no '${chartName}' chart with version matching '${asString(spec.version) ?? "*"}' found`,
      );
      this.enqueue(ns, name, interval);
      return;
    }
    const current = asMap(statusOf(obj).artifact) as Artifact | undefined;
    const id = objKey(ns, name);
    if (current?.revision !== resolved.version && !this.pulling.has(id)) {
      this.pulling.add(id);
      this.writeStatus(ns, name, (st) =>
        markReconciling(st, obj, `building artifact: pulling '${chartName}' chart with version '${resolved.version}'`),
      );
      this.enqueue(ns, name, this.ctx.delay(500, 1000));
      return;
    }
    this.pulling.delete(id);
    const artifact =
      current?.revision === resolved.version
        ? current
        : makeArtifact("helmchart", ns, name, resolved.version, `${chartName}-${resolved.version}.tgz`);
    const msg = `pulled '${chartName}' chart with version '${resolved.version}'`;
    this.writeStatus(ns, name, (st) => {
      st.artifact = artifact;
      st.observedChartName = chartName;
      st.observedSourceArtifactRevision = srcArtifact?.revision;
      st.url = `http://source-controller.flux-system.svc.cluster.local./helmchart/${ns}/${name}/latest.tar.gz`;
      fluxCondition(st, obj, "ArtifactInStorage", "True", "ChartPullSucceeded", msg);
      removeCondition(st, "FetchFailed");
      markReady(st, obj, "ChartPullSucceeded", msg);
      markHandled(st, obj);
    });
    if (current?.revision !== resolved.version)
      this.ctx.events.record(obj, "Normal", "ChartPullSucceeded", msg, this.name);
    this.enqueue(ns, name, interval);
  }

  private fail(obj: KObject, reason: string, message: string): void {
    this.writeStatus(obj.metadata.namespace, obj.metadata.name, (st) => {
      fluxCondition(st, obj, "FetchFailed", "True", reason, message);
      fluxCondition(st, obj, "Ready", "False", reason, message);
      removeCondition(st, "Reconciling");
      markHandled(st, obj);
    });
    this.ctx.events.record(obj, "Warning", reason, message, this.name);
  }
}
