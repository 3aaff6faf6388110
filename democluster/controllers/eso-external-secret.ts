// ESO ExternalSecret: refresh rules (refreshInterval, refreshPolicy Periodic/OnChange/CreatedOnce,
// syncedResourceVersion = "<generation>-<hash(labels+annotations)>" so force-sync annotations trigger a sync),
// target Secret ownership (managed label, data-hash, created-by, controller ownerReference, field manager),
// rewriting a hand-edited managed Secret, SecretSyncedError + UpdateFailed events, error backoff.
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import {
  asMap,
  asString,
  base64,
  controllerOf,
  generationOf,
  getPath,
  nowTime,
  ownerRefTo,
  specOf,
  statusOf,
} from "../sim/objects";
import { getCondition, setCondition } from "../sim/conditions";
import { durationOr } from "../sim/duration";
import { md5Hex, sha3Hex, stableStringify } from "../sim/hash";
import { ReconcileLoop } from "./controller";
import { ESO, storeKey, vaultNameOf } from "./eso-secret-store";
import { applyTemplate, fetchData } from "./eso-fetch";

export const MANAGED_LABEL = "reconcile.external-secrets.io/managed";
export const DATA_HASH = "reconcile.external-secrets.io/data-hash";
export const CREATED_BY = "reconcile.external-secrets.io/created-by";

export function esResourceVersion(es: KObject): string {
  return `${generationOf(es)}-${sha3Hex(stableStringify({ annotations: es.metadata.annotations ?? {}, labels: es.metadata.labels ?? {} }))}`;
}

export function dataHash(data: Record<string, string>): string {
  return md5Hex(stableStringify(data));
}

function targetName(es: KObject): string {
  return asString(getPath(es, "spec.target.name")) || es.metadata.name;
}

export class ExternalSecretController extends ReconcileLoop {
  private readonly failures = new Map<string, number>();

  constructor(ctx: SimContext) {
    super(ctx, ESO, "ExternalSecret", R.externalsecrets);
  }

  onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (this.is(event)) {
      if (event.type !== "DELETED" && asString(statusOf(obj).syncedResourceVersion) !== esResourceVersion(obj))
        this.enqueueObj(obj, this.ctx.delay(200, 500));
      return;
    }
    if (this.is(event, R.secrets)) {
      const owner = controllerOf(obj);
      if (owner?.kind === "ExternalSecret") this.enqueue(obj.metadata.namespace, owner.name, this.ctx.delay(200, 500));
      else if (obj.metadata.labels?.[MANAGED_LABEL] === "true" || event.type === "DELETED") {
        for (const es of this.ctx.store.list(R.externalsecrets, obj.metadata.namespace))
          if (targetName(es) === obj.metadata.name) this.enqueueObj(es, this.ctx.delay(200, 500));
      }
      return;
    }
    if (
      (this.is(event, R.secretstores) || this.is(event, R.clustersecretstores)) &&
      getCondition(obj, "Ready")?.status === "True"
    ) {
      for (const es of this.ctx.store.list(
        R.externalsecrets,
        obj.kind === "SecretStore" ? obj.metadata.namespace : undefined,
      )) {
        const ref = asMap(specOf(es).secretStoreRef);
        if (
          ref?.name === obj.metadata.name &&
          (asString(ref.kind) ?? "SecretStore") === obj.kind &&
          getCondition(es, "Ready")?.status !== "True"
        )
          this.enqueueObj(es, this.ctx.delay(200, 500));
      }
    }
  }

  start(): void {
    for (const es of this.ctx.store.list(this.key)) {
      const synced = asString(statusOf(es).syncedResourceVersion) === esResourceVersion(es);
      this.enqueueObj(es, synced ? this.untilRefresh(es) : this.ctx.delay(200, 600));
    }
  }

  private untilRefresh(es: KObject): number {
    const interval = durationOr(specOf(es).refreshInterval, 3_600_000);
    const last = Date.parse(asString(statusOf(es).refreshTime) ?? "");
    if (!Number.isFinite(last)) return 0;
    const scale = this.ctx.scheduler.timeScale;
    return Math.max(0, (last + interval * scale - Date.now()) / scale);
  }

  private shouldRefresh(es: KObject): boolean {
    const st = statusOf(es);
    const synced = asString(st.syncedResourceVersion);
    const refreshTime = Date.parse(asString(st.refreshTime) ?? "");
    const policy = asString(specOf(es).refreshPolicy) ?? "Periodic";
    if (policy === "CreatedOnce") return !synced || !Number.isFinite(refreshTime);
    if (policy === "OnChange") return synced !== esResourceVersion(es);
    const interval = durationOr(specOf(es).refreshInterval, 3_600_000);
    if (interval <= 0 && synced) return false;
    if (synced !== esResourceVersion(es) || !Number.isFinite(refreshTime) || refreshTime > Date.now()) return true;
    return refreshTime + interval * this.ctx.scheduler.timeScale <= Date.now();
  }

  private secretValid(es: KObject, secret: KObject | undefined): boolean {
    if (!secret) return asString(getPath(es, "spec.target.creationPolicy")) === "None";
    if (asString(getPath(es, "spec.target.creationPolicy")) === "Orphan") return true;
    const data = (asMap(secret.data) ?? {}) as Record<string, string>;
    return secret.metadata.annotations?.[DATA_HASH] === dataHash(data);
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const ns = namespace ?? "";
    const es = this.get(ns, name);
    if (!es || es.metadata.deletionTimestamp) return;
    const target = targetName(es);
    const secret = this.ctx.store.get(R.secrets, ns, target);
    if (!this.shouldRefresh(es) && this.secretValid(es, secret)) {
      this.scheduleNext(es);
      return;
    }
    const ref = asMap(specOf(es).secretStoreRef) ?? {};
    const storeKind = asString(ref.kind) ?? "SecretStore";
    const storeName = asString(ref.name) ?? "";
    const store = this.ctx.store.get(
      storeKey(storeKind),
      storeKind === "ClusterSecretStore" ? undefined : ns,
      storeName,
    );
    if (!store)
      return this.failed(
        es,
        "could not get secret data from provider",
        `${storeKind}.external-secrets.io "${storeName}" not found`,
      );
    if (getCondition(store, "Ready")?.status !== "True")
      return this.failed(es, "could not get secret data from provider", `${storeKind} "${storeName}" is not ready`);
    const fetched = fetchData(this.ctx.vault, vaultNameOf(store), es);
    if (!fetched.ok) return this.failed(es, "could not get secret data from provider", fetched.error);
    const templated = applyTemplate(es, fetched.data);
    if (!templated.ok) return this.failed(es, "could not update secret", templated.error);
    const outcome = this.writeSecret(es, secret, templated.data);
    if (outcome === "conflict")
      return this.failed(
        es,
        "target is owned by another ExternalSecret",
        `secret ${ns}/${target} is owned by another ExternalSecret`,
      );
    this.failures.delete(`${ns}/${name}`);
    this.writeStatus(ns, name, (st) => {
      setCondition(st, { type: "Ready", status: "True", reason: "SecretSynced", message: "secret synced" });
      st.refreshTime = nowTime();
      st.syncedResourceVersion = esResourceVersion(es);
      st.binding = { name: target };
    });
    if (outcome === "created") this.ctx.events.record(es, "Normal", "Created", "Created Secret", ESO);
    else if (outcome === "updated") this.ctx.events.record(es, "Normal", "Updated", "Updated Secret", ESO);
    this.scheduleNext(this.get(ns, name) ?? es);
  }

  private writeSecret(
    es: KObject,
    existing: KObject | undefined,
    values: Record<string, string>,
  ): "created" | "updated" | "unchanged" | "conflict" {
    const ns = es.metadata.namespace ?? "";
    const policy = asString(getPath(es, "spec.target.creationPolicy")) ?? "Owner";
    if (policy === "None") return "unchanged";
    const owner = existing ? controllerOf(existing) : undefined;
    if (owner && owner.kind === "ExternalSecret" && owner.name !== es.metadata.name) return "conflict";
    const tmpl = asMap(getPath(es, "spec.target.template")) ?? {};
    const tmplMeta = asMap(tmpl.metadata) ?? {};
    const encoded =
      policy === "Merge" && existing ? { ...((asMap(existing.data) ?? {}) as Record<string, string>) } : {};
    for (const [k, v] of Object.entries(values)) encoded[k] = base64(v);
    const labels: Record<string, string> = {
      ...(existing?.metadata.labels ?? {}),
      ...((asMap(tmplMeta.labels) ?? {}) as Record<string, string>),
      [MANAGED_LABEL]: "true",
    };
    if (policy === "Owner") labels[CREATED_BY] = md5Hex(`${ns}/${es.metadata.name}`);
    const annotations: Record<string, string> = {
      ...(existing?.metadata.annotations ?? {}),
      ...((asMap(tmplMeta.annotations) ?? {}) as Record<string, string>),
      [DATA_HASH]: dataHash(encoded),
    };
    const manager = `externalsecrets.external-secrets.io/${es.metadata.name}`;
    const desiredType = asString(tmpl.type) ?? asString(existing?.type) ?? "Opaque";
    if (!existing) {
      if (policy === "Merge") return "unchanged";
      this.ctx.store.create(
        R.secrets,
        {
          apiVersion: "v1",
          kind: "Secret",
          type: desiredType,
          metadata: {
            name: targetName(es),
            namespace: ns,
            labels,
            annotations,
            ...(policy === "Owner" ? { ownerReferences: [ownerRefTo(es)] } : {}),
          },
          data: encoded,
        },
        { fieldManager: manager },
      );
      return "created";
    }
    const before = JSON.stringify([
      existing.data,
      existing.metadata.labels,
      existing.metadata.annotations,
      existing.type,
    ]);
    const updated = this.ctx.store.mutate(
      R.secrets,
      ns,
      existing.metadata.name,
      (s) => {
        s.data = encoded;
        delete s.stringData;
        s.type = desiredType;
        s.metadata.labels = labels;
        s.metadata.annotations = annotations;
        if (policy === "Owner" && !controllerOf(s))
          s.metadata.ownerReferences = [...(s.metadata.ownerReferences ?? []), ownerRefTo(es)];
      },
      { fieldManager: manager },
    );
    return updated &&
      JSON.stringify([updated.data, updated.metadata.labels, updated.metadata.annotations, updated.type]) !== before
      ? "updated"
      : "unchanged";
  }

  private failed(es: KObject, message: string, detail: string): void {
    const ns = es.metadata.namespace ?? "";
    this.writeStatus(ns, es.metadata.name, (st) => {
      setCondition(st, { type: "Ready", status: "False", reason: "SecretSyncedError", message });
    });
    this.ctx.events.record(es, "Warning", "UpdateFailed", detail, ESO);
    const key = `${ns}/${es.metadata.name}`;
    const n = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, n);
    this.enqueue(ns, es.metadata.name, Math.min(5000 * 2 ** (n - 1), 300_000));
  }

  private scheduleNext(es: KObject): void {
    const policy = asString(specOf(es).refreshPolicy) ?? "Periodic";
    const interval = durationOr(specOf(es).refreshInterval, 3_600_000);
    if (policy !== "Periodic" || interval <= 0) return;
    this.enqueue(es.metadata.namespace, es.metadata.name, this.untilRefresh(es));
  }
}
