// Query keys. Hierarchical and complete: every input of a request is part of its key, and every key of one
// cluster starts with ["k8s", cluster] so a cluster can be invalidated as a whole.
import type { ListFilters } from "./list-filters";

export const queryKeys = {
  clusters: () => ["clusters"] as const,
  overview: () => ["overview"] as const,
  cluster: (cluster: string) => ["k8s", cluster] as const,
  lists: (cluster: string) => ["k8s", cluster, "list"] as const,
  list: (cluster: string, filters: ListFilters) => ["k8s", cluster, "list", filters] as const,
  objects: (cluster: string) => ["k8s", cluster, "object"] as const,
  object: (cluster: string, resource: string, namespace: string | null, name: string) =>
    ["k8s", cluster, "object", resource, namespace ?? "_", name] as const,
  logs: (cluster: string, namespace: string, pod: string, container: string | null, tailLines: number) =>
    ["k8s", cluster, "logs", namespace, pod, container ?? "", tailLines] as const,
};

/** The filters stored in a list key (the 4th element), or undefined when the key is not a list key. */
export function filtersOfListKey(key: readonly unknown[]): ListFilters | undefined {
  if (key[0] !== "k8s" || key[2] !== "list") return undefined;
  const f = key[3];
  if (!f || typeof f !== "object") return undefined;
  return f as ListFilters;
}

/** resource/namespace/name of an object key, or undefined. */
export function refOfObjectKey(key: readonly unknown[]): { resource: string; namespace: string; name: string } | undefined {
  if (key[0] !== "k8s" || key[2] !== "object" || key.length !== 6) return undefined;
  const [, , , resource, namespace, name] = key;
  if (typeof resource !== "string" || typeof namespace !== "string" || typeof name !== "string") return undefined;
  return { resource, namespace, name };
}
