// source-controller for HelmRepository: an index artifact with a sha256 revision; `type: oci` repositories are
// static (always Ready, no artifact). Fault "fetch-failed" fails the index download.
import type { StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { hasFault } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asString, specOf, statusOf } from "../sim/objects";
import { removeCondition } from "../sim/conditions";
import { sha256Hex } from "../sim/hash";
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

export class HelmRepositoryController extends ReconcileLoop {
  private readonly fetching = new Set<string>();

  constructor(ctx: SimContext) {
    super(ctx, "source-controller", "HelmRepository", R.helmrepositories);
  }

  onEvent(event: StoreEvent): void {
    if (!this.is(event) || event.type === "DELETED") return;
    if (wantsReconcile(event.object)) this.enqueueObj(event.object, this.ctx.delay(200, 500));
  }

  start(): void {
    for (const obj of this.ctx.store.list(this.key)) {
      const settled = !wantsReconcile(obj) && (statusOf(obj).artifact || specOf(obj).type === "oci");
      this.enqueueObj(obj, settled ? intervalMs(obj, 600_000) : this.ctx.delay(200, 600));
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const obj = this.get(namespace, name);
    if (!obj) return;
    const ns = namespace ?? "";
    if (obj.metadata.deletionTimestamp) {
      if (!hasFault(obj, "stuck-finalizer")) this.writeMain(ns, name, (o) => removeFinalizer(o, FLUX_FINALIZER));
      return;
    }
    if (isSuspended(obj)) return;
    const isOci = asString(specOf(obj).type) === "oci";
    if (isOci) {
      this.writeStatus(ns, name, (st) => {
        markReady(st, obj, "Succeeded", "Helm repository is Ready");
        markHandled(st, obj);
        delete st.artifact;
      });
      return;
    }
    if (!(obj.metadata.finalizers ?? []).includes(FLUX_FINALIZER))
      this.writeMain(ns, name, (o) => void ensureFinalizer(o, FLUX_FINALIZER));
    const url = asString(specOf(obj).url) ?? "";
    const interval = intervalMs(obj, 600_000);
    if (hasFault(obj, "fetch-failed")) {
      const message = `failed to fetch Helm repository index: failed to cache index to temporary file: failed to fetch ${url.replace(/\/$/, "")}/index.yaml : 401 Unauthorized`;
      this.writeStatus(ns, name, (st) => {
        fluxCondition(st, obj, "FetchFailed", "True", "IndexationFailed", message);
        fluxCondition(st, obj, "Ready", "False", "IndexationFailed", message);
        removeCondition(st, "Reconciling");
        markHandled(st, obj);
      });
      this.ctx.events.record(obj, "Warning", "IndexationFailed", message, this.name);
      this.enqueue(ns, name, interval);
      return;
    }
    const revision = `sha256:${sha256Hex(`index:${url}`)}`;
    const current = asMap(statusOf(obj).artifact) as Artifact | undefined;
    const id = `${ns}/${name}`;
    if (current?.revision !== revision && !this.fetching.has(id)) {
      this.fetching.add(id);
      this.writeStatus(ns, name, (st) =>
        markReconciling(st, obj, `building artifact: new index revision '${revision}'`),
      );
      this.enqueue(ns, name, this.ctx.delay(600, 1200));
      return;
    }
    this.fetching.delete(id);
    const artifact =
      current?.revision === revision
        ? current
        : makeArtifact("helmrepository", ns, name, revision, `index-${revision.slice(7, 71)}.yaml`);
    const msg = `stored artifact: revision '${revision}'`;
    this.writeStatus(ns, name, (st) => {
      st.artifact = artifact;
      st.url = `http://source-controller.flux-system.svc.cluster.local./helmrepository/${ns}/${name}/index.yaml`;
      fluxCondition(st, obj, "ArtifactInStorage", "True", "Succeeded", msg);
      removeCondition(st, "FetchFailed");
      markReady(st, obj, "Succeeded", msg);
      markHandled(st, obj);
    });
    if (current?.revision !== revision) {
      this.ctx.events.record(
        obj,
        "Normal",
        "NewArtifact",
        `stored fetched index of size ${(1 + (artifact.size % 900) / 100).toFixed(1)}MB from '${url}'`,
        this.name,
      );
    }
    this.enqueue(ns, name, interval);
  }
}
