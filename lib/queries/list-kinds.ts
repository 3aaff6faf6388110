// The resource types that have list pages, grouped for pickers. Pure data derived from the kind registry.
import { RESOURCES, type ResourceFamily, type ResourceInfo } from "@/lib/kinds/registry";

/** Same set as the server's LISTABLE: events, namespaces, configmaps and services are not list pages. */
const NOT_LISTED = new Set(["events", "namespaces", "configmaps", "services"]);

export const LIST_KINDS: readonly ResourceInfo[] = RESOURCES.filter((r) => !NOT_LISTED.has(r.resource));

export const FAMILY_LABELS: Record<ResourceFamily, string> = {
  "flux-reconciler": "Flux",
  "flux-source": "Flux sources",
  eso: "External Secrets",
  workload: "Workloads",
  core: "Config",
};

export const FAMILY_ORDER: readonly ResourceFamily[] = ["flux-reconciler", "flux-source", "eso", "workload", "core"];

/** "HelmReleases", "GitRepositories", "PodDisruptionBudgets". */
export function pluralKind(kind: string): string {
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

export function isListKind(resource: string): boolean {
  return LIST_KINDS.some((k) => k.resource === resource);
}

export function kindsByFamily(): { family: ResourceFamily; label: string; kinds: ResourceInfo[] }[] {
  return FAMILY_ORDER.map((family) => ({ family, label: FAMILY_LABELS[family], kinds: LIST_KINDS.filter((k) => k.family === family) })).filter(
    (g) => g.kinds.length > 0,
  );
}
