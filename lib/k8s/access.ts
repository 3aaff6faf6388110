// What a signed-in user may do in a cluster, decided by that cluster's RBAC: a SubjectAccessReview for the user's
// Kubernetes identity and groups, cached per user × verb × resource × namespace for at most 60 s.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { ResourceInfo } from "@/lib/kinds/registry";
import { kubeJson } from "./transport";

export interface AccessQuery {
  verb: string;
  group: string;
  resource: string;
  namespace?: string; // undefined = all namespaces / cluster scope
  name?: string;
  subresource?: string;
}

const TTL_MS = 60_000;
const globalForAccess = globalThis as unknown as { fluxtowerAccess?: Map<string, { at: number; allowed: Promise<boolean> }> };
const cache = (globalForAccess.fluxtowerAccess ??= new Map());

function cacheKey(cluster: string, p: Principal, q: AccessQuery): string {
  return [cluster, p.kubeUser, p.groups.join(","), q.verb, q.group, q.resource, q.subresource ?? "", q.namespace ?? "", q.name ?? ""].join("|");
}

async function review(cluster: string, p: Principal, q: AccessQuery): Promise<boolean> {
  const body = {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SubjectAccessReview",
    spec: {
      user: p.kubeUser,
      groups: p.groups,
      resourceAttributes: { verb: q.verb, group: q.group, resource: q.resource, namespace: q.namespace, name: q.name, subresource: q.subresource },
    },
  };
  const res = await kubeJson<{ status?: { allowed?: boolean } }>(cluster, {
    method: "POST",
    path: "/apis/authorization.k8s.io/v1/subjectaccessreviews",
    body,
  });
  return res.status?.allowed === true;
}

/** Whether the user may perform the verb. Failed reviews are not cached and count as "no". */
export async function can(cluster: string, p: Principal, q: AccessQuery): Promise<boolean> {
  const key = cacheKey(cluster, p, q);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.allowed;
  const allowed = review(cluster, p, q).catch(() => {
    cache.delete(key);
    return false;
  });
  cache.set(key, { at: now, allowed });
  if (cache.size > 50_000) for (const [k, v] of cache) if (now - v.at >= TTL_MS) cache.delete(k);
  return allowed;
}

/**
 * The namespaces in which the user may `verb` the resource: "all" when allowed cluster-wide, otherwise the
 * subset of `namespaces` allowed one by one.
 */
export async function allowedNamespaces(cluster: string, p: Principal, info: ResourceInfo, namespaces: string[], verb = "list"): Promise<"all" | Set<string>> {
  if (await can(cluster, p, { verb, group: info.group, resource: info.resource })) return "all";
  if (!info.namespaced) return new Set();
  const checks = await Promise.all(namespaces.map(async (ns) => [ns, await can(cluster, p, { verb, group: info.group, resource: info.resource, namespace: ns })] as const));
  return new Set(checks.filter(([, ok]) => ok).map(([ns]) => ns));
}
