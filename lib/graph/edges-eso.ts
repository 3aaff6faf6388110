// Edges of External Secrets objects: store, store credentials, synced-by. Pure module.
import type { KubeObject } from "../kinds/object";
import { at, isRec, recs, str, type Rec } from "../health/read";
import type { GraphBuilder } from "./builder";
import { nodeId } from "./ids";

/** ExternalSecrets by `<namespace>/<target Secret name>` (spec.target.name, else the ExternalSecret's name). */
export type TargetIndex = Map<string, KubeObject[]>;

/** The Secret an ExternalSecret writes: spec.target.name, else its own name. */
export function targetSecretName(es: KubeObject): string {
  return str(at(es.spec, "target", "name")) ?? es.metadata.name;
}

/** Indexes ExternalSecrets by target Secret. */
export function indexTargets(b: GraphBuilder): TargetIndex {
  const index: TargetIndex = new Map();
  for (const obj of b.objects.values()) {
    if (obj.kind !== "ExternalSecret") continue;
    const key = `${obj.metadata.namespace ?? ""}/${targetSecretName(obj)}`;
    const list = index.get(key) ?? [];
    list.push(obj);
    index.set(key, list);
  }
  return index;
}

/**
 * The ExternalSecret that owns/syncs a Secret: its controller ownerReference to an ExternalSecret in the snapshot,
 * else the (first) ExternalSecret whose target name matches. Used as HealthContext.ownerOf.
 */
export function externalSecretFor(
  b: GraphBuilder,
  targets: TargetIndex,
  secret: { namespace?: string; name: string; owners?: KubeObject["metadata"]["ownerReferences"] },
): KubeObject | undefined {
  for (const ref of secret.owners ?? []) {
    if (ref.kind !== "ExternalSecret") continue;
    const es = b.objects.get(nodeId("ExternalSecret", secret.namespace, ref.name));
    if (es) return es;
  }
  return targets.get(`${secret.namespace ?? ""}/${secret.name}`)?.[0];
}

/** `store` edges (ExternalSecret/ClusterExternalSecret → stores) and store credential `uses-secret` edges. */
export function addEsoEdges(b: GraphBuilder): void {
  for (const [id, obj] of b.objects) {
    const ns = obj.metadata.namespace;
    if (obj.kind === "ExternalSecret") {
      for (const ref of storeRefs(obj.spec)) b.link(id, { kind: ref.kind, name: ref.name, namespace: ns }, "store");
      const policy = str(at(obj.spec, "target", "creationPolicy")) ?? "Owner";
      if (policy === "Owner" || policy === "Orphan") {
        // The Secret it should write: absent → a missing node, linked by addSyncedByEdges.
        b.reference({ kind: "Secret", namespace: ns, name: targetSecretName(obj) });
      }
    } else if (obj.kind === "ClusterExternalSecret") {
      for (const ref of storeRefs(at(obj.spec, "externalSecretSpec"))) {
        b.link(
          id,
          { kind: ref.kind, name: ref.name, namespace: undefined },
          "store",
          ref.kind === "ClusterSecretStore" ? "reference" : "skip",
        );
      }
    } else if (obj.kind === "SecretStore" || obj.kind === "ClusterSecretStore") {
      for (const ref of credentialRefs(at(obj.spec, "provider"), 0)) {
        const refNs = ref.namespace ?? (obj.kind === "SecretStore" ? ns : undefined);
        if (refNs) b.link(id, { kind: "Secret", name: ref.name, namespace: refNs }, "uses-secret");
      }
    }
  }
}

/**
 * `synced-by` edges Secret → ExternalSecret for every Secret node, present or only referenced (a missing Secret has
 * no ownerReference, so the link is found by the ExternalSecret's target name).
 */
export function addSyncedByEdges(b: GraphBuilder, targets: TargetIndex): void {
  const secretIds: Array<{
    id: string;
    namespace?: string;
    name: string;
    owners?: KubeObject["metadata"]["ownerReferences"];
  }> = [];
  for (const [id, obj] of b.objects) {
    if (obj.kind === "Secret")
      secretIds.push({
        id,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        owners: obj.metadata.ownerReferences,
      });
  }
  for (const ref of b.refs.values())
    if (ref.kind === "Secret") secretIds.push({ id: ref.id, namespace: ref.namespace, name: ref.name });
  for (const s of secretIds) {
    for (const o of s.owners ?? []) {
      if (o.kind !== "ExternalSecret") continue;
      const esId = nodeId("ExternalSecret", s.namespace, o.name);
      if (b.objects.has(esId)) b.addEdge(s.id, esId, "synced-by");
    }
    for (const es of targets.get(`${s.namespace ?? ""}/${s.name}`) ?? []) b.addEdge(s.id, b.idOf(es), "synced-by");
  }
}

function storeRefs(spec: unknown): Array<{ kind: string; name: string }> {
  const out: Array<{ kind: string; name: string }> = [];
  const add = (ref: unknown) => {
    const name = str(at(ref, "name"));
    if (name) out.push({ kind: str(at(ref, "kind")) ?? "SecretStore", name });
  };
  add(at(spec, "secretStoreRef"));
  for (const d of [...recs(at(spec, "data")), ...recs(at(spec, "dataFrom"))]) {
    const storeRef = at(d, "sourceRef", "storeRef");
    if (storeRef) add(storeRef);
  }
  return out;
}

/** Provider credential Secret refs: any `…SecretRef` object with a `name` (ESO's SecretKeySelector), depth-limited. */
function credentialRefs(node: unknown, depth: number): Array<{ name: string; namespace?: string }> {
  if (!isRec(node) || depth > 6) return [];
  const out: Array<{ name: string; namespace?: string }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (!isRec(value)) continue;
    const name = str((value as Rec).name);
    if (/SecretRef$/.test(key) && name) out.push({ name, namespace: str((value as Rec).namespace) });
    else out.push(...credentialRefs(value, depth + 1));
  }
  return out;
}
