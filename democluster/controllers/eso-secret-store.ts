// ESO SecretStore / ClusterSecretStore validation against the fake vault: Ready=True reason Valid
// "store validated", or Ready=False InvalidProviderConfig ("unable to create client" when the provider's auth
// Secret is missing, "unable to validate store" when the vault is unreachable or the store is marked broken).
import type { KObject, ResourceKey, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { hasFault } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asString, isMap, specOf, statusOf, type JsonMap } from "../sim/objects";
import { getCondition, setCondition } from "../sim/conditions";
import { ReconcileLoop } from "./controller";
import { capabilitiesOf } from "./eso-capabilities";

export const ESO = "external-secrets";
export const VAULT_ANNOTATION = "democluster.fluxtower.dev/vault";
const REVALIDATE_MS = 300_000;

export function vaultNameOf(store: KObject): string {
  return store.metadata.annotations?.[VAULT_ANNOTATION] ?? store.metadata.name;
}

export class SecretStoreController extends ReconcileLoop {
  constructor(ctx: SimContext, kind: "SecretStore" | "ClusterSecretStore") {
    super(ctx, ESO, kind, kind === "SecretStore" ? R.secretstores : R.clustersecretstores);
    ctx.vault.onChange((vault) => {
      for (const s of ctx.store.list(this.key)) if (vaultNameOf(s) === vault) this.enqueueObj(s, ctx.delay(200, 500));
    });
  }

  onEvent(event: StoreEvent): void {
    if (this.is(event) && event.type !== "DELETED") {
      const ready = getCondition(event.object, "Ready");
      const stale = statusOf(event.object).capabilities !== capabilitiesOf(event.object);
      if (!ready || stale) this.enqueueObj(event.object, this.ctx.delay(200, 600));
      return;
    }
    if (this.is(event, R.secrets)) {
      // An auth Secret appeared or changed: revalidate stores that reference it.
      for (const s of this.ctx.store.list(this.key)) {
        if (
          authRefs(s).some(
            (r) => r.name === event.object.metadata.name && r.namespace === event.object.metadata.namespace,
          )
        )
          this.enqueueObj(s, this.ctx.delay(200, 500));
      }
    }
  }

  start(): void {
    for (const s of this.ctx.store.list(this.key))
      this.enqueueObj(s, getCondition(s, "Ready") ? REVALIDATE_MS : this.ctx.delay(200, 600));
  }

  protected reconcile(namespace: string | undefined, name: string): void {
    const store = this.get(namespace, name);
    if (!store || store.metadata.deletionTimestamp) return;
    const problem = this.validate(store);
    const before = getCondition(store, "Ready");
    this.writeStatus(namespace, name, (st) => {
      if (problem)
        setCondition(st, { type: "Ready", status: "False", reason: "InvalidProviderConfig", message: problem });
      else setCondition(st, { type: "Ready", status: "True", reason: "Valid", message: "store validated" });
      st.capabilities = capabilitiesOf(store);
    });
    if (problem) this.ctx.events.record(store, "Warning", "InvalidProviderConfig", problem, ESO);
    else if (before?.status !== "True") this.ctx.events.record(store, "Normal", "Valid", "store validated", ESO);
    this.enqueue(namespace, name, REVALIDATE_MS);
  }

  private validate(store: KObject): string | undefined {
    for (const ref of authRefs(store)) {
      if (!ref.namespace) continue;
      const secret = this.ctx.store.get(R.secrets, ref.namespace, ref.name);
      const data = asMap(secret?.data) ?? {};
      if (!secret || (ref.key && data[ref.key] === undefined)) return "unable to create client";
    }
    if (hasFault(store, "invalid-provider")) return "unable to validate store";
    if (!this.ctx.vault.isReachable(vaultNameOf(store))) return "unable to validate store";
    return undefined;
  }
}

/** Every {name, key, namespace?} Secret reference under spec.provider (e.g. connectTokenSecretRef). */
export function authRefs(store: KObject): { name: string; key?: string; namespace?: string }[] {
  const out: { name: string; key?: string; namespace?: string }[] = [];
  const walk = (node: unknown, parentKey: string): void => {
    if (!isMap(node)) return;
    if (/secretref$/i.test(parentKey) && typeof node.name === "string") {
      out.push({
        name: node.name,
        key: asString(node.key),
        namespace: asString(node.namespace) ?? store.metadata.namespace,
      });
      return;
    }
    for (const [k, v] of Object.entries(node as JsonMap)) walk(v, k);
  };
  walk(specOf(store).provider, "provider");
  return out;
}

export function storeKey(kind: string): ResourceKey {
  return kind === "ClusterSecretStore" ? R.clustersecretstores : R.secretstores;
}
