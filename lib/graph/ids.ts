// Node identity: kind + namespace + name → refKey. Pure module.
import { refKey } from "../kinds/object";
import { resourceForKind } from "../kinds/registry";

/** Kinds outside the registry whose plural is not simply "+s". */
const IRREGULAR: Record<string, string> = {
  Endpoints: "endpoints",
  Ingress: "ingresses",
  NetworkPolicy: "networkpolicies",
  PodSecurityPolicy: "podsecuritypolicies",
  StorageClass: "storageclasses",
  IngressClass: "ingressclasses",
};

interface KindInfo {
  resource: string;
  clusterScoped: boolean;
}

const kindCache = new Map<string, KindInfo>();

function kindInfo(kind: string): KindInfo {
  let hit = kindCache.get(kind);
  if (!hit) {
    const info = resourceForKind(kind);
    hit = { resource: info ? info.resource : pluralize(kind), clusterScoped: info ? !info.namespaced : false };
    kindCache.set(kind, hit);
  }
  return hit;
}

function pluralize(kind: string): string {
  if (IRREGULAR[kind]) return IRREGULAR[kind];
  const lower = kind.toLowerCase();
  if (/(s|x|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** Lowercase plural for a kind: the registry's, else English pluralisation of the lowercase kind. */
export function resourceOfKind(kind: string): string {
  return kindInfo(kind).resource;
}

/**
 * Node id of an object. For registry kinds the namespace is dropped when the kind is cluster-scoped (so a reference
 * to a ClusterSecretStore from a namespaced ExternalSecret resolves); for other kinds the given namespace is kept.
 * Same format as refKey (lib/kinds/object.ts).
 */
export function nodeId(kind: string, namespace: string | undefined, name: string): string {
  const info = kindInfo(kind);
  return refKey({ resource: info.resource, namespace: info.clusterScoped ? undefined : namespace || undefined, name });
}

/** True when the kind is known to be cluster-scoped. */
export function isClusterScoped(kind: string): boolean {
  return kindInfo(kind).clusterScoped;
}

/** A parsed Flux inventory entry id `<namespace>_<name>_<group>_<kind>` (namespace and group may be empty). */
export interface InventoryRef {
  namespace?: string;
  name: string;
  group: string;
  kind: string;
}

/** Parses a Flux inventory id; undefined when malformed. Names, groups and kinds never contain "_". */
export function parseInventoryId(id: string): InventoryRef | undefined {
  const parts = id.split("_");
  if (parts.length !== 4 || !parts[1] || !parts[3]) return undefined;
  return { namespace: parts[0] || undefined, name: parts[1], group: parts[2], kind: parts[3] };
}
