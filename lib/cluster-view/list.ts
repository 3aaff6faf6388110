// Resource lists for the API: visible summaries of one type (or every list type), filtered and sorted.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { RESOURCES, type ResourceInfo } from "@/lib/kinds/registry";
import { allowedNamespaces } from "@/lib/k8s/access";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { ResourceSummary } from "@/lib/views/summary";
import { summaryIndex } from "./summary-index";
import { namespacesOf } from "./visibility";

export interface ListFilters {
  namespace?: string;
  health?: string[];
  q?: string;
}

/** Types shown in lists when no resource is given. */
export const LISTABLE = RESOURCES.filter((r) => !["events", "namespaces", "configmaps", "services"].includes(r.resource));

/** Visible summaries of the given types; the RBAC check is per type × namespace (cached 60 s). */
export async function visibleSummaries(cache: ClusterCache, user: Principal, infos: readonly ResourceInfo[]): Promise<ResourceSummary[]> {
  const idx = summaryIndex(cache);
  const namespaces = namespacesOf(cache);
  const out: ResourceSummary[] = [];
  for (const info of infos) {
    const allowed = await allowedNamespaces(cache.id, user, info, namespaces);
    for (const s of idx.list(info.resource)) {
      if (allowed === "all" || (s.namespace !== null && allowed.has(s.namespace))) out.push(s);
    }
  }
  return out;
}

export async function listSummaries(cache: ClusterCache, user: Principal, infos: readonly ResourceInfo[], f: ListFilters): Promise<ResourceSummary[]> {
  const q = f.q?.toLowerCase();
  const items = (await visibleSummaries(cache, user, infos)).filter(
    (s) =>
      (!f.namespace || s.namespace === f.namespace) &&
      (!q || `${s.namespace ?? ""}/${s.name}`.toLowerCase().includes(q)) &&
      (!f.health?.length || f.health.includes(s.health.status)),
  );
  items.sort((a, b) => (a.namespace ?? "").localeCompare(b.namespace ?? "") || a.name.localeCompare(b.name) || a.resource.localeCompare(b.resource));
  return items;
}
