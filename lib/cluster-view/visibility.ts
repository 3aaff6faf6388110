// Which cached objects a user may see: the user's own RBAC (list verb), per resource type and namespace.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import type { KubeObject } from "@/lib/kinds/object";
import { resourceInfo, type ResourceInfo } from "@/lib/kinds/registry";
import { allowedNamespaces } from "@/lib/k8s/access";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { clusterCache } from "@/lib/k8s/cache/registry";

export function requireCluster(id: string): ClusterCache {
  const cache = clusterCache(id);
  if (!cache) throw new AppError("not_found", `Unknown cluster "${id}"`);
  return cache;
}

export function requireResource(resource: string): ResourceInfo {
  const info = resourceInfo(resource);
  if (!info) throw new AppError("bad_request", `Unknown resource "${resource}"`);
  return info;
}

export function namespacesOf(cache: ClusterCache): string[] {
  return cache.list("namespaces").map((n) => n.metadata.name);
}

/** A predicate telling whether the user may see an object of this type. */
export async function visibilityFilter(cache: ClusterCache, user: Principal, info: ResourceInfo): Promise<(obj: KubeObject) => boolean> {
  const allowed = await allowedNamespaces(cache.id, user, info, namespacesOf(cache));
  if (allowed === "all") return () => true;
  return (obj) => !!obj.metadata.namespace && allowed.has(obj.metadata.namespace);
}

/** The visible objects of one type. */
export async function visibleObjects(cache: ClusterCache, user: Principal, info: ResourceInfo): Promise<KubeObject[]> {
  const visible = await visibilityFilter(cache, user, info);
  return cache.list(info.resource).filter(visible);
}
