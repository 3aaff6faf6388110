// kustomize-controller: source lookup (ArtifactFailed), dependsOn (DependencyNotReady), apply of the manifests the
// scenario assigns to each Kustomization, lastAppliedRevision vs lastAttemptedRevision, inventory, prune,
// requestedAt, suspend, finalizer. Faults: "build-failed" / "apply-failed" make every not-yet-applied revision
// fail; "stuck-finalizer" makes deletion hang (the controller is "gone" for that object).
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { hasFault } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asMaps, asString, generationOf, objKey, specOf, statusOf } from "../sim/objects";
import { getCondition } from "../sim/conditions";
import { durationOr, formatDuration } from "../sim/duration";
import { ensureFinalizer, FLUX_FINALIZER, ReconcileLoop, removeFinalizer } from "./controller";
import {
  fluxCondition,
  intervalMs,
  isSuspended,
  markHandled,
  markReady,
  markReconciling,
  pendingToken,
  requestToken,
  sourceRefOf,
  wantsReconcile,
} from "./flux-common";
import { applyManifests, ApplyError, prune, type InventoryEntry } from "./kustomize-apply";

const SOURCE_KEYS: Record<string, typeof R.gitrepositories> = {
  GitRepository: R.gitrepositories,
  OCIRepository: R.ocirepositories,
};
const DEPENDENCY_RETRY_MS = 5000;

export class KustomizationController extends ReconcileLoop {
  private readonly inflight = new Map<string, { revision: string; started: number }>();
  private readonly seen = new Map<string, string>(); // source/ks key -> last observed "revision|ready"
  private readonly triggers = new Map<string, string>(); // ks key -> generation|requestedAt|deletion

  constructor(ctx: SimContext) {
    super(ctx, "kustomize-controller", "Kustomization", R.kustomizations);
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    const isSource = this.is(event, R.gitrepositories) || this.is(event, R.ocirepositories);
    if (this.is(event)) {
      // Like GenerationChanged + ReconcileRequested predicates: our own status writes do not trigger a reconcile.
      const id = objKey(obj.metadata.namespace, obj.metadata.name);
      const trigger = event.type === "DELETED" ? undefined : triggerOf(obj);
      if (trigger !== undefined && this.triggers.get(id) !== trigger && wantsReconcile(obj))
        this.enqueueObj(obj, this.ctx.delay(200, 500));
      if (trigger === undefined) this.triggers.delete(id);
      else this.triggers.set(id, trigger);
      if (this.changed(`ks:${objKey(obj.metadata.namespace, obj.metadata.name)}`, obj, event.type))
        this.wakeDependents(obj);
      return;
    }
    if (isSource && this.changed(`${obj.kind}:${objKey(obj.metadata.namespace, obj.metadata.name)}`, obj, event.type)) {
      for (const ks of this.ctx.store.list(R.kustomizations)) {
        const ref = sourceRefOf(ks);
        if (ref && ref.kind === obj.kind && ref.name === obj.metadata.name && ref.namespace === obj.metadata.namespace)
          this.enqueueObj(ks, this.ctx.delay(200, 600));
      }
    }
  }

  start(): void {
    for (const ks of this.ctx.store.list(this.key)) {
      this.seen.set(`ks:${objKey(ks.metadata.namespace, ks.metadata.name)}`, fingerprint(ks));
      this.triggers.set(objKey(ks.metadata.namespace, ks.metadata.name), triggerOf(ks));
      this.enqueueObj(
        ks,
        wantsReconcile(ks) || !statusOf(ks).lastAppliedRevision ? this.ctx.delay(200, 700) : intervalMs(ks, 600_000),
      );
    }
  }

  private changed(key: string, obj: KObject, type: string): boolean {
    const fp = type === "DELETED" ? "gone" : fingerprint(obj);
    if (this.seen.get(key) === fp) return false;
    this.seen.set(key, fp);
    return true;
  }

  private wakeDependents(dep: KObject): void {
    for (const ks of this.ctx.store.list(R.kustomizations)) {
      const deps = asMaps(specOf(ks).dependsOn);
      if (
        deps.some(
          (d) =>
            d.name === dep.metadata.name && (asString(d.namespace) ?? ks.metadata.namespace) === dep.metadata.namespace,
        )
      ) {
        this.enqueueObj(ks, this.ctx.delay(200, 500));
      }
    }
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const ks = this.get(namespace, name);
    const ns = namespace ?? "";
    const id = objKey(ns, name);
    if (!ks) {
      this.inflight.delete(id);
      return;
    }
    if (ks.metadata.deletionTimestamp) return this.finalize(ks);
    if (!(ks.metadata.finalizers ?? []).includes(FLUX_FINALIZER))
      this.writeMain(ns, name, (o) => void ensureFinalizer(o, FLUX_FINALIZER));
    if (isSuspended(ks)) return;
    const interval = intervalMs(ks, 600_000);
    const retry = durationOr(specOf(ks).retryInterval, interval);

    const ref = sourceRefOf(ks);
    const srcKey = ref ? SOURCE_KEYS[ref.kind] : undefined;
    const source = ref && srcKey ? this.ctx.store.get(srcKey, ref.namespace, ref.name) : undefined;
    if (!ref || !source) {
      const refText = ref ? `${ref.kind}/${ref.namespace}/${ref.name}` : "<none>";
      this.fail(ks, "ArtifactFailed", `Source '${refText}' not found`, { event: false });
      this.enqueue(ns, name, retry);
      return;
    }
    const revision = asString(asMap(statusOf(source).artifact)?.revision);
    if (!revision) {
      this.fail(ks, "ArtifactFailed", `Source artifact not found, retrying in ${formatDuration(30_000)}`, {
        event: false,
      });
      this.enqueue(ns, name, DEPENDENCY_RETRY_MS);
      return;
    }
    const depProblem = this.dependencyProblem(ks, revision);
    if (depProblem) {
      this.fail(ks, "DependencyNotReady", depProblem, {
        event: {
          type: "Normal",
          message: `Dependencies do not meet ready condition, retrying in ${formatDuration(30_000)}`,
        },
      });
      this.enqueue(ns, name, DEPENDENCY_RETRY_MS);
      return;
    }

    const status = statusOf(ks);
    const needsAction =
      revision !== asString(status.lastAppliedRevision) ||
      generationOf(ks) !== status.observedGeneration ||
      pendingToken(ks) !== undefined;
    const timeout = this.timeoutOf(ks);
    const flight = this.inflight.get(id);
    if (needsAction && (!flight || flight.revision !== revision)) {
      this.inflight.set(id, { revision, started: Date.now() });
      this.writeStatus(ns, name, (st) => {
        markReconciling(st, ks, `Fetching manifests for revision ${revision} with a timeout of ${timeout}`);
        fluxCondition(st, ks, "Ready", "Unknown", "Progressing", "Reconciliation in progress");
        st.lastAttemptedRevision = revision;
      });
      this.enqueue(ns, name, this.ctx.delay(700, 1500));
      return;
    }
    this.inflight.delete(id);
    this.applyRevision(ks, revision, interval, retry, flight?.started);
  }

  private applyRevision(
    ks: KObject,
    revision: string,
    interval: number,
    retry: number,
    started: number | undefined,
  ): void {
    const ns = ks.metadata.namespace ?? "";
    const name = ks.metadata.name;
    const status = statusOf(ks);
    const alreadyApplied = asString(status.lastAppliedRevision) === revision;
    const faultReason =
      !alreadyApplied && hasFault(ks, "build-failed")
        ? "BuildFailed"
        : !alreadyApplied && hasFault(ks, "apply-failed")
          ? "ReconciliationFailed"
          : undefined;
    if (faultReason) {
      const path = asString(specOf(ks).path) ?? "./";
      const message =
        faultReason === "BuildFailed"
          ? `kustomize build failed: accumulating resources: accumulation err='accumulating resources from '${path.replace(/\/$/, "")}/app': '/tmp/kustomization-${revision.slice(-8)}/${path.replace(/^\.\//, "")}/app' must resolve to a file': couldn't make target for path: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory`
          : `HelmRelease/${ns}/${name} dry-run failed (Invalid): spec.values: Invalid value: "object": field not declared in schema`;
      const stage = faultReason === "BuildFailed" ? "Building manifests" : "Detecting drift";
      this.fail(ks, faultReason, message, {
        attempted: revision,
        retrying: `${stage} for revision ${revision} with a timeout of ${this.timeoutOf(ks)}`,
      });
      this.enqueue(ns, name, retry);
      return;
    }
    const manifests = this.ctx.contents.get(objKey(ns, name)) ?? [];
    const target = asString(specOf(ks).targetNamespace);
    let outcome;
    try {
      outcome = applyManifests(this.ctx, ks, manifests, target);
    } catch (err) {
      if (!(err instanceof ApplyError)) throw err;
      this.fail(ks, "ReconciliationFailed", err.message, {
        attempted: revision,
        retrying: `Detecting drift for revision ${revision} with a timeout of ${this.timeoutOf(ks)}`,
      });
      this.enqueue(ns, name, retry);
      return;
    }
    const previous = asMaps(asMap(status.inventory)?.entries) as unknown as InventoryEntry[];
    const pruned = specOf(ks).prune === true ? prune(this.ctx, previous, outcome.entries) : [];
    this.writeStatus(ns, name, (st) => {
      st.inventory = { entries: outcome.entries };
      st.lastAppliedRevision = revision;
      st.lastAttemptedRevision = revision;
      markReady(st, ks, "ReconciliationSucceeded", `Applied revision: ${revision}`);
      markHandled(st, ks);
    });
    const changes = [...outcome.changes, ...pruned];
    if (changes.length) this.ctx.events.record(ks, "Normal", "Progressing", changes.join("\n"), this.name);
    if (!alreadyApplied || changes.length || started !== undefined) {
      const took = started ? ((Date.now() - started) / 1000).toFixed(3) : "0.1";
      this.ctx.events.record(
        ks,
        "Normal",
        "ReconciliationSucceeded",
        `Reconciliation finished in ${took}s, next run in ${formatDuration(interval)}`,
        this.name,
      );
    }
    this.enqueue(ns, name, interval);
  }

  private dependencyProblem(ks: KObject, revision: string): string | undefined {
    const ownRef = sourceRefOf(ks);
    for (const d of asMaps(specOf(ks).dependsOn)) {
      const depNs = asString(d.namespace) ?? ks.metadata.namespace ?? "";
      const depName = asString(d.name) ?? "";
      const dep = this.ctx.store.get(R.kustomizations, depNs, depName);
      if (!dep)
        return `unable to get '${depNs}/${depName}' dependency: Kustomization.kustomize.toolkit.fluxcd.io "${depName}" not found`;
      const ready =
        getCondition(dep, "Ready")?.status === "True" && statusOf(dep).observedGeneration === generationOf(dep);
      if (!ready) return `dependency '${depNs}/${depName}' is not ready`;
      const depRef = sourceRefOf(dep);
      if (
        ownRef &&
        depRef &&
        depRef.kind === ownRef.kind &&
        depRef.name === ownRef.name &&
        depRef.namespace === ownRef.namespace &&
        statusOf(dep).lastAppliedRevision !== revision
      ) {
        return `dependency '${depNs}/${depName}' revision is not up to date`;
      }
    }
    return undefined;
  }

  /**
   * Ready=False like kustomize-controller: observedGeneration only moves on success; a failed apply/build keeps
   * Reconciling=True with reason ProgressingWithRetry; source/dependency waits emit no Warning.
   */
  private fail(
    ks: KObject,
    reason: string,
    message: string,
    opts: {
      attempted?: string;
      retrying?: string;
      event?: false | { type: "Normal" | "Warning"; message: string };
    } = {},
  ): void {
    this.writeStatus(ks.metadata.namespace, ks.metadata.name, (st) => {
      fluxCondition(st, ks, "Ready", "False", reason, message);
      const current = getCondition(st, "Reconciling");
      const retrying = opts.retrying ?? current?.message;
      if (retrying !== undefined) fluxCondition(st, ks, "Reconciling", "True", "ProgressingWithRetry", retrying);
      if (opts.attempted) st.lastAttemptedRevision = opts.attempted;
      const token = requestToken(ks);
      if (token !== undefined) st.lastHandledReconcileAt = token;
    });
    if (opts.event === false) return;
    const ev = opts.event ?? { type: "Warning" as const, message };
    this.ctx.events.record(ks, ev.type, reason, ev.message, this.name);
  }

  private timeoutOf(ks: KObject): string {
    return asString(specOf(ks).timeout) ?? formatDuration(intervalMs(ks, 600_000));
  }

  private finalize(ks: KObject): void {
    const ns = ks.metadata.namespace ?? "";
    if (hasFault(ks, "stuck-finalizer")) return; // its controller is gone: the finalizer is never removed
    if (specOf(ks).prune === true) {
      const previous = asMaps(asMap(statusOf(ks).inventory)?.entries) as unknown as InventoryEntry[];
      prune(this.ctx, previous, []);
    }
    this.writeMain(ns, ks.metadata.name, (o) => removeFinalizer(o, FLUX_FINALIZER));
  }
}

function triggerOf(obj: KObject): string {
  return `${generationOf(obj)}|${requestToken(obj) ?? ""}|${obj.metadata.deletionTimestamp ?? ""}`;
}

function fingerprint(obj: KObject): string {
  const ready = getCondition(obj, "Ready");
  return `${asString(asMap(statusOf(obj).artifact)?.revision) ?? asString(statusOf(obj).lastAppliedRevision) ?? ""}|${ready?.status ?? ""}|${statusOf(obj).observedGeneration ?? ""}`;
}
