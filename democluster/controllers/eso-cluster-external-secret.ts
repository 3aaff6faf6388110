// ESO ClusterExternalSecret (minimal): creates its ExternalSecret in every namespace selected by
// spec.namespaces / spec.namespaceSelectors, mirrors external-secrets.io/force-sync onto them, removes them from
// namespaces that stop matching, and reports provisionedNamespaces.
import type { KObject, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { API_VERSION, R } from "../sim/resources";
import {
  asArray,
  asMap,
  asMaps,
  asString,
  controllerOf,
  generationOf,
  matchesLabels,
  ownerRefTo,
  specOf,
} from "../sim/objects";
import { applyObject } from "../sim/apply";
import { StatusError } from "../store/errors";
import { ReconcileLoop } from "./controller";
import { ESO } from "./eso-secret-store";

export const FORCE_SYNC = "external-secrets.io/force-sync";

export class ClusterExternalSecretController extends ReconcileLoop {
  private readonly handled = new Map<string, string>();

  constructor(ctx: SimContext) {
    super(ctx, ESO, "ClusterExternalSecret", R.clusterexternalsecrets);
  }

  onEvent(event: StoreEvent): void {
    if (this.is(event) && event.type !== "DELETED") {
      if (this.handled.get(event.object.metadata.name) !== fingerprint(event.object))
        this.enqueueObj(event.object, this.ctx.delay(200, 500));
      return;
    }
    if (this.is(event, R.namespaces))
      for (const ces of this.ctx.store.list(this.key)) this.enqueueObj(ces, this.ctx.delay(200, 500));
  }

  start(): void {
    for (const ces of this.ctx.store.list(this.key)) this.enqueueObj(ces, this.ctx.delay(200, 600));
  }

  protected reconcile(_namespace: string | undefined, name: string): void {
    const ces = this.get(undefined, name);
    if (!ces || ces.metadata.deletionTimestamp) return;
    const spec = specOf(ces);
    const esName = asString(spec.externalSecretName) ?? name;
    const wanted = this.targetNamespaces(ces);
    const esMeta = asMap(spec.externalSecretMetadata) ?? {};
    const force = ces.metadata.annotations?.[FORCE_SYNC];
    for (const ns of wanted) {
      const desired: KObject = {
        apiVersion: API_VERSION.eso,
        kind: "ExternalSecret",
        metadata: {
          name: esName,
          namespace: ns,
          labels: { ...((asMap(esMeta.labels) ?? {}) as Record<string, string>) },
          annotations: {
            ...((asMap(esMeta.annotations) ?? {}) as Record<string, string>),
            ...(force !== undefined ? { [FORCE_SYNC]: force } : {}),
          },
          ownerReferences: [ownerRefTo(ces)],
        },
        spec: structuredClone(spec.externalSecretSpec ?? {}),
      };
      applyObject(this.ctx.store, R.externalsecrets, desired, { manager: ESO });
    }
    for (const es of this.ctx.store.list(R.externalsecrets)) {
      const owner = controllerOf(es);
      if (
        owner?.kind === "ClusterExternalSecret" &&
        owner.uid === ces.metadata.uid &&
        !wanted.includes(es.metadata.namespace ?? "")
      ) {
        try {
          this.ctx.store.delete(R.externalsecrets, es.metadata.namespace, es.metadata.name);
        } catch (err) {
          if (!(err instanceof StatusError && err.code === 404)) throw err;
        }
      }
    }
    this.writeStatus(undefined, name, (st) => {
      st.externalSecretName = esName;
      st.provisionedNamespaces = wanted;
      // ClusterExternalSecretStatusCondition has only type, status and message (external-secrets.io_
      // clusterexternalsecrets.yaml status.conditions); ESO writes {type: Ready, status: "True"} when all applied.
      st.conditions = [{ type: "Ready", status: "True" }];
    });
    this.handled.set(name, fingerprint(ces));
    this.enqueue(undefined, name, 60_000);
  }

  private targetNamespaces(ces: KObject): string[] {
    const spec = specOf(ces);
    const out = new Set(asArray(spec.namespaces).filter((n): n is string => typeof n === "string"));
    const selectors = [
      ...asMaps(spec.namespaceSelectors),
      ...(asMap(spec.namespaceSelector) ? [asMap(spec.namespaceSelector) as Record<string, unknown>] : []),
    ];
    for (const ns of this.ctx.store.list(R.namespaces)) {
      if (
        selectors.some((sel) =>
          matchesLabels(ns.metadata.labels, asMap(sel.matchLabels) as Record<string, string> | undefined),
        )
      )
        out.add(ns.metadata.name);
    }
    return [...out].sort();
  }
}

function fingerprint(ces: KObject): string {
  return `${generationOf(ces)}|${ces.metadata.annotations?.[FORCE_SYNC] ?? ""}`;
}
