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

function esoProblem(
  es: string,
  secret: string,
  f: {
    ready: boolean;
    mergeMissing: boolean;
    store: { kind: string; name: string; obj?: KubeObject };
    storeReady: boolean;
    secretExists: boolean;
  },
): string | undefined {
  if (!f.ready) return `ExternalSecret ${es} is not synced`;
  if (f.mergeMissing && !f.secretExists)
    return `ExternalSecret ${es} reports Ready but its target Secret ${secret} does not exist and ESO will not create it (creationPolicy Merge): every pod reading ${secret} fails`;
  if (!f.store.obj) return `${f.store.kind} ${f.store.name} not found`;
  if (!f.storeReady) return `${f.store.kind} ${f.store.name} is not Ready`;
  if (!f.secretExists) return `Secret ${secret} does not exist yet`;
  return undefined;
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
  // ESO marks Ready=True with reason SecretMissing when creationPolicy is Merge and the target does not exist
  // (externalsecret_controller.go `markAsDone`, DOMAIN.md §7.5): nothing is written, so every reader fails.
  const mergeMissing = ready?.status === "True" && ready.reason === "SecretMissing";
  if (mergeMissing && facts)
    evidence.push(
      ev(`Secret ${name} exists now; ExternalSecret ${es.metadata.name} merges into it at its next refresh`),
    );
  const problem = esoProblem(es.metadata.name, name, {
    ready: ready?.status === "True",
    mergeMissing,
    store,
    storeReady: storeReady?.status === "True",
    secretExists: !!facts,
  });
  return { managed: true, synced: !problem, externalSecret: es, store: store.obj, evidence, problem };
}
