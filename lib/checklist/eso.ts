// External Secrets Operator facts for a Secret: is it managed, and are its ExternalSecret and store Ready.

import type { KubeObject } from "../kinds/object";
import type { EvalContext } from "./context";
import { ev } from "./checks/outcome";
import { condition, refOf } from "./kube-readers";
import type { ChecklistSnapshot } from "./snapshot";
import type { Evidence } from "./types";
import { isMap } from "./values";

/** ESO state of one Secret. */
export interface EsoState {
  managed: boolean;
  synced: boolean;
  externalSecret?: KubeObject;
  store?: KubeObject;
  evidence: Evidence[];
  problem?: string;
}

function targetName(es: KubeObject): string {
  const target = es.spec?.target;
  return isMap(target) && typeof target.name === "string" && target.name ? target.name : es.metadata.name;
}

/** The ExternalSecret that writes Secret `name` (by ownerRef, else by `spec.target.name`). */
export function owningExternalSecret(
  snapshot: ChecklistSnapshot,
  ctx: EvalContext,
  name: string,
): KubeObject | undefined {
  const owner = ctx.secret(name)?.ownerRefs.find((r) => r.kind === "ExternalSecret");
  const inNs = snapshot.externalSecrets.filter((es) => (es.metadata.namespace ?? ctx.namespace) === ctx.namespace);
  return (owner && inNs.find((es) => es.metadata.name === owner.name)) ?? inNs.find((es) => targetName(es) === name);
}

function storeOf(snapshot: ChecklistSnapshot, es: KubeObject): { kind: string; name: string; obj?: KubeObject } {
  const ref = isMap(es.spec?.secretStoreRef) ? es.spec.secretStoreRef : {};
  const kind = typeof ref.kind === "string" && ref.kind ? ref.kind : "SecretStore";
  const name = typeof ref.name === "string" ? ref.name : "";
  const obj = snapshot.stores.find(
    (s) =>
      s.kind === kind &&
      s.metadata.name === name &&
      (kind === "ClusterSecretStore" || s.metadata.namespace === es.metadata.namespace),
  );
  return { kind, name, obj };
}

/** ESO state of Secret `name`. A Secret is managed when labelled/owned by ESO or targeted by an ExternalSecret. */
export function esoState(snapshot: ChecklistSnapshot, ctx: EvalContext, name: string): EsoState {
  const facts = ctx.secret(name);
  const es = owningExternalSecret(snapshot, ctx, name);
  const labelled = facts?.labels["reconcile.external-secrets.io/managed"] === "true";
  if (!es) {
    if (!labelled) return { managed: false, synced: false, evidence: [] };
    return {
      managed: true,
      synced: false,
      evidence: [ev(`Secret ${name} is labelled as ESO-managed but no ExternalSecret targeting it was found`)],
      problem: `no ExternalSecret found for ${name}`,
    };
  }
  const evidence: Evidence[] = [];
  const ready = condition(es, "Ready");
  const refresh = typeof es.status?.refreshTime === "string" ? `, last sync ${es.status.refreshTime}` : "";
  const esText = `ExternalSecret ${es.metadata.name}: Ready=${ready?.status ?? "missing"}${ready?.reason ? ` (${ready.reason})` : ""}${refresh}`;
  evidence.push(ev(ready?.message && ready.status !== "True" ? `${esText}: ${ready.message}` : esText, refOf(es)));
  const store = storeOf(snapshot, es);
  const storeReady = condition(store.obj, "Ready");
  if (!store.obj) evidence.push(ev(`${store.kind} ${store.name} not found`));
  else {
    const msg = storeReady?.status !== "True" && storeReady?.message ? `: ${storeReady.message}` : "";
    evidence.push(
      ev(
        `${store.kind} ${store.name}: Ready=${storeReady?.status ?? "missing"}${storeReady?.reason ? ` (${storeReady.reason})` : ""}${msg}`,
        refOf(store.obj),
      ),
    );
  }
  let problem: string | undefined;
  if (ready?.status !== "True") problem = `ExternalSecret ${es.metadata.name} is not synced`;
  else if (ready.reason === "SecretMissing")
    problem = `ExternalSecret ${es.metadata.name} does not create the Secret (CreationPolicy=Merge)`;
  else if (!store.obj) problem = `${store.kind} ${store.name} not found`;
  else if (storeReady?.status !== "True") problem = `${store.kind} ${store.name} is not Ready`;
  else if (!facts) problem = `Secret ${name} does not exist yet`;
  return { managed: true, synced: !problem, externalSecret: es, store: store.obj, evidence, problem };
}
