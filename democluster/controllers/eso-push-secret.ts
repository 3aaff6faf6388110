// ESO PushSecret (external-secrets.io/v1alpha1): reads the source Secret (spec.selector.secret.name) and writes its
// spec.data keys to the fake vault behind every store of spec.secretStoreRefs (eso-push.ts). Status like ESO:
// Ready True/Synced "PushSecret synced successfully" or False/Errored with the error, refreshTime,
// syncedResourceVersion ("<generation>-<hash(labels+annotations)>", so metadata/spec changes re-push),
// syncedPushSecrets. Re-pushes when the source Secret's resourceVersion changes and every refreshInterval (default
// 1h; 0 = no periodic push). updatePolicy IfNotExists keeps existing remote values; deletionPolicy Delete adds a
// finalizer and removes the pushed values when the PushSecret goes (None keeps them).
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asMaps, asString, getPath, nowTime, objKey, specOf, statusOf } from "../sim/objects";
import { getCondition, setCondition } from "../sim/conditions";
import { durationOr } from "../sim/duration";
import { ensureFinalizer, ReconcileLoop, removeFinalizer } from "./controller";
import { esResourceVersion } from "./eso-external-secret";
import { ESO } from "./eso-secret-store";
import { deleteRemote, pushAll, sourceNameOf, storesOf, type SyncedMap } from "./eso-push";

export const PUSH_FINALIZER = "pushsecret.externalsecrets.io/finalizer";
const SYNCED = "PushSecret synced successfully";
const DEFAULT_REFRESH_MS = 3_600_000;

export class PushSecretController extends ReconcileLoop {
  /** The source Secret resourceVersion each PushSecret last pushed (ESO's informer cache plays this role). */
  private readonly pushedFrom = new Map<string, string>();
  private readonly failures = new Map<string, number>();

  constructor(ctx: SimContext) {
    super(ctx, ESO, "PushSecret", R.pushsecrets);
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (this.is(event)) {
      if (event.type === "DELETED") this.pushedFrom.delete(objKey(obj.metadata.namespace, obj.metadata.name));
      else if (
        obj.metadata.deletionTimestamp ||
        asString(statusOf(obj).syncedResourceVersion) !== esResourceVersion(obj)
      )
        this.enqueueObj(obj, this.ctx.delay(200, 500));
      return;
    }
    if (this.is(event, R.secrets)) {
      for (const ps of this.ctx.store.list(R.pushsecrets, obj.metadata.namespace))
        if (sourceNameOf(ps) === obj.metadata.name) this.enqueueObj(ps, this.ctx.delay(200, 500));
      return;
    }
    if (
      (this.is(event, R.secretstores) || this.is(event, R.clustersecretstores)) &&
      getCondition(obj, "Ready")?.status === "True"
    ) {
      for (const ps of this.ctx.store.list(R.pushsecrets)) {
        const refs = asMaps(specOf(ps).secretStoreRefs);
        const hit = refs.some(
          (r) => asString(r.name) === obj.metadata.name && (asString(r.kind) ?? "SecretStore") === obj.kind,
        );
        if (hit && getCondition(ps, "Ready")?.status !== "True") this.enqueueObj(ps, this.ctx.delay(200, 500));
      }
    }
  }

  start(): void {
    for (const ps of this.ctx.store.list(this.key)) this.enqueueObj(ps, this.ctx.delay(200, 600));
  }

  private interval(ps: KObject): number {
    return durationOr(specOf(ps).refreshInterval, DEFAULT_REFRESH_MS);
  }

  private shouldRefresh(ps: KObject, source: KObject | undefined): boolean {
    const st = statusOf(ps);
    if (getCondition(ps, "Ready")?.status !== "True") return true;
    if (asString(st.syncedResourceVersion) !== esResourceVersion(ps)) return true;
    const key = objKey(ps.metadata.namespace, ps.metadata.name);
    if (source && this.pushedFrom.get(key) !== source.metadata.resourceVersion) return true;
    const interval = this.interval(ps);
    if (interval <= 0) return false;
    const last = Date.parse(asString(st.refreshTime) ?? "");
    return !Number.isFinite(last) || last + interval * this.ctx.scheduler.timeScale <= Date.now();
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const ns = namespace ?? "";
    const ps = this.get(ns, name);
    if (!ps) return;
    const key = objKey(ns, name);
    const old = (asMap(statusOf(ps).syncedPushSecrets) ?? {}) as SyncedMap;
    const policy = asString(specOf(ps).deletionPolicy) ?? "None";
    const hasFinalizer = (ps.metadata.finalizers ?? []).includes(PUSH_FINALIZER);
    if (ps.metadata.deletionTimestamp) {
      if (!hasFinalizer) return;
      const error = deleteRemote(this.ctx, ps, old, {});
      if (error) return this.failed(ps, `Failed to Delete Secrets from Provider: ${error}`);
      this.writeMain(ns, name, (o) => removeFinalizer(o, PUSH_FINALIZER));
      return;
    }
    if (policy === "Delete" && !hasFinalizer) {
      this.writeMain(ns, name, (o) => void ensureFinalizer(o, PUSH_FINALIZER));
      return;
    }
    if (policy !== "Delete" && hasFinalizer) this.writeMain(ns, name, (o) => removeFinalizer(o, PUSH_FINALIZER));
    const sourceName = sourceNameOf(ps) ?? "";
    const source = this.ctx.store.get(R.secrets, ns, sourceName);
    if (!this.shouldRefresh(ps, source)) return this.scheduleNext(ps);
    if (!source) return this.failed(ps, "could not get source secret");
    const stores = storesOf(this.ctx, ps);
    if (!stores.ok) return this.failed(ps, stores.error);
    const pushed = pushAll(this.ctx, ps, source, stores.stores);
    if (!pushed.ok) return this.failed(ps, pushed.error, mergeSynced(pushed.synced, old));
    if (policy === "Delete") {
      const error = deleteRemote(this.ctx, ps, old, pushed.synced);
      if (error)
        return this.failed(ps, `Failed to Delete Secrets from Provider: ${error}`, mergeSynced(pushed.synced, old));
    }
    this.failures.delete(key);
    this.pushedFrom.set(key, source.metadata.resourceVersion ?? "");
    const message = pushed.unchanged ? `${SYNCED}. Existing secrets in providers unchanged.` : SYNCED;
    const updated = this.writeStatus(ns, name, (st) => {
      setCondition(st, { type: "Ready", status: "True", reason: "Synced", message });
      st.refreshTime = nowTime();
      st.syncedResourceVersion = esResourceVersion(ps);
      st.syncedPushSecrets = pushed.synced;
    });
    this.ctx.events.record(ps, "Normal", "Synced", message, ESO);
    this.scheduleNext(updated ?? ps);
  }

  private failed(ps: KObject, message: string, synced?: SyncedMap): void {
    const ns = ps.metadata.namespace ?? "";
    this.writeStatus(ns, ps.metadata.name, (st) => {
      setCondition(st, { type: "Ready", status: "False", reason: "Errored", message });
      if (synced) st.syncedPushSecrets = synced;
    });
    this.ctx.events.record(ps, "Warning", "Errored", message, ESO);
    const key = objKey(ns, ps.metadata.name);
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    this.enqueue(ns, ps.metadata.name, Math.min(5000 * 2 ** (n - 1), 300_000));
  }

  private scheduleNext(ps: KObject): void {
    const interval = this.interval(ps);
    if (interval <= 0) return;
    const last = Date.parse(asString(getPath(ps, "status.refreshTime")) ?? "");
    const scale = this.ctx.scheduler.timeScale;
    const wait = Number.isFinite(last) ? Math.max(0, (last + interval * scale - Date.now()) / scale) : 0;
    this.enqueue(ps.metadata.namespace, ps.metadata.name, wait);
  }
}

function mergeSynced(fresh: SyncedMap, old: SyncedMap): SyncedMap {
  const out: SyncedMap = { ...old };
  for (const [k, v] of Object.entries(fresh)) out[k] = { ...(out[k] ?? {}), ...v };
  return out;
}
