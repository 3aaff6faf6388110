// What a signed-in user may do in a cluster, decided by that cluster's RBAC: a SubjectAccessReview for the user's
// Kubernetes identity and groups, cached per user × verb × resource × namespace for at most 60 s.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { ResourceInfo } from "@/lib/kinds/registry";
import { logger } from "@/lib/log/logger";
import { KubeHttpError, kubeJson } from "./transport";

export interface AccessQuery {
  verb: string;
  group: string;
  resource: string;
  namespace?: string; // undefined = all namespaces / cluster scope
  name?: string;
  subresource?: string;
}

const TTL_MS = 60_000;
interface Entry {
  at: number;
  allowed: Promise<boolean>;
  /** The last answer the API server actually gave, kept for outages. */
  known?: boolean;
}
const globalForAccess = globalThis as unknown as { fluxtowerAccess?: Map<string, Entry> };
const cache: Map<string, Entry> = (globalForAccess.fluxtowerAccess ??= new Map());

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

/**
 * Whether the user may perform the verb. When the review cannot be made (API server unreachable), the last answer
 * the cluster gave for this question is used — the cached view stays as it was while the cluster is stale — and
 * a question never answered is an error (503 "could not check permissions"), never a silent "no".
 */
export async function can(cluster: string, p: Principal, q: AccessQuery): Promise<boolean> {
  const key = cacheKey(cluster, p, q);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.allowed;
  const entry: Entry = { at: now, allowed: Promise.resolve(false), known: hit?.known };
  entry.allowed = review(cluster, p, q).then(
    (answer) => {
      entry.known = answer;
      return answer;
    },
    (err: unknown) => {
      entry.at = 0; // ask again next time
      if (entry.known !== undefined) return entry.known;
      // Never answered: saying "no" would show a misleading 403/empty list; report that the check itself failed.
      const message = err instanceof Error ? err.message : String(err);
      logger.warn({ cluster, user: p.kubeUser, verb: q.verb, resource: q.resource, err: message }, "access review failed");
      throw new KubeHttpError(503, "Unavailable", `could not check permissions: ${message}`);
    },
  );
  cache.set(key, entry);
  if (cache.size > 50_000) for (const [k, v] of cache) if (now - v.at >= TTL_MS) cache.delete(k);
  return entry.allowed;
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
