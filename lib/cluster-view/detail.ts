// GET …/resources/{resource}/{namespace}/{name}: the object (redacted), health, conditions, dependency graph and
// root cause (both filtered by the user's RBAC), events, pods, and per-kind sections.
import "server-only";
import { neighbourhood, rootCause, type GraphNode } from "@/lib/graph";
import { suspendInfo } from "@/lib/health";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import type { Condition } from "@/lib/kinds/object";
import { resourceInfo, type ResourceInfo } from "@/lib/kinds/registry";
import { allowedNamespaces, can } from "@/lib/k8s/access";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { ResourceDetail } from "@/lib/views/detail";
import { byLastSeenDesc, toEventView } from "@/lib/views/events";
import { toEdgeView, toNodeView, toRootCauseStep } from "@/lib/views/graph-view";
import { toSummary, type ResourceSummary } from "@/lib/views/summary";
import { externalSecretDetail, helmReleaseDetail, kustomizationDetail } from "./detail-kinds";
import { clusterGraph } from "./graph-cache";
import { secretOwnerLookup } from "./secret-owners";
import { summaryIndex } from "./summary-index";
import { namespacesOf } from "./visibility";

const NOT_FOUND = "Not found (or not visible to you)";

type NodeRef = Pick<GraphNode, "resource" | "namespace" | "missing" | "unseen">;

/** A predicate over graph nodes: missing/unseen nodes are derived from visible references; others need `list`. */
async function nodeVisibility(cache: ClusterCache, user: Principal, nodes: NodeRef[]): Promise<(n: NodeRef) => boolean> {
  const namespaces = namespacesOf(cache);
  const perResource = new Map<string, "all" | Set<string>>();
  for (const r of new Set(nodes.map((n) => n.resource))) {
    const info = resourceInfo(r);
    perResource.set(r, info ? await allowedNamespaces(cache.id, user, info, namespaces) : new Set());
  }
  return (n) => {
    if (n.missing || n.unseen) return true;
    const allowed = perResource.get(n.resource);
    return allowed === "all" || (!!n.namespace && !!allowed?.has(n.namespace));
  };
}

export async function resourceDetail(cache: ClusterCache, user: Principal, info: ResourceInfo, namespace: string | undefined, name: string): Promise<ResourceDetail> {
  const ns = info.namespaced ? namespace : undefined;
  if (info.namespaced && !ns) throw new AppError("bad_request", `${info.kind} is namespaced: give a namespace, not "_"`);
  if (!(await can(cache.id, user, { verb: "get", group: info.group, resource: info.resource, namespace: ns, name }))) throw new AppError("not_found", NOT_FOUND);
  const obj = cache.get(info.resource, ns, name);
  if (!obj) throw new AppError("not_found", NOT_FOUND);

  const id = `${info.resource}/${ns ?? "_"}/${name}`;
  const { graph } = clusterGraph(cache);
  const sub = neighbourhood(graph, id, 2, { maxNodes: 120 });
  const visible = await nodeVisibility(cache, user, sub.nodes);
  const nodes = sub.nodes.filter(visible);
  const kept = new Set(nodes.map((n) => n.id));
  const edges = sub.edges.filter((e) => kept.has(e.from) && kept.has(e.to));

  // The chain stops at the first step the user may not see.
  const steps = rootCause(graph, id).map(toRootCauseStep);
  const stepRefs = steps.map((s) => ({ resource: s.resource, namespace: s.namespace ?? undefined, missing: s.status === "Missing" ? (true as const) : undefined }));
  const stepVisible = await nodeVisibility(cache, user, stepRefs);
  const firstHidden = stepRefs.findIndex((r) => !stepVisible(r));
  const chain = firstHidden < 0 ? steps : steps.slice(0, firstHidden);

  const canEvents = !ns || (await can(cache.id, user, { verb: "list", group: "", resource: "events", namespace: ns }));
  const events = canEvents
    ? cache
        .list("events")
        .filter((e) => {
          const inv = (e as { involvedObject?: { kind?: string; name?: string; namespace?: string } }).involvedObject;
          return inv?.kind === obj.kind && inv.name === name && (inv.namespace ?? undefined) === ns;
        })
        .map(toEventView)
        .sort(byLastSeenDesc)
        .slice(0, 100)
    : [];

  const idx = summaryIndex(cache);
  const pods: ResourceSummary[] = nodes
    .filter((n) => n.resource === "pods" && n.id !== id && !n.missing)
    .map((n) => idx.get("pods", n.namespace ?? null, n.name))
    .filter((s): s is ResourceSummary => !!s);

  const summary = idx.get(info.resource, ns ?? null, name) ?? toSummary(info.resource, obj, { ownerOf: secretOwnerLookup(cache) });
  const detail: ResourceDetail = {
    cluster: cache.id,
    object: obj,
    summary,
    health: summary.health,
    conditions: ((obj.status?.conditions as Condition[] | undefined) ?? []).map((c) => ({ ...c })),
    suspend: suspendInfo(obj).suspended ? suspendInfo(obj) : null,
    graph: { nodes: nodes.map((n) => toNodeView(n, id)), edges: edges.map(toEdgeView) },
    rootCause: chain,
    events,
    pods,
  };
  if (obj.kind === "HelmRelease") detail.helmRelease = await helmReleaseDetail(cache, obj);
  if (obj.kind === "Kustomization") detail.kustomization = kustomizationDetail(obj);
  if (obj.kind === "ExternalSecret") {
    const canSecrets = await can(cache.id, user, { verb: "get", group: "", resource: "secrets", namespace: ns });
    detail.externalSecret = externalSecretDetail(cache, obj, canSecrets);
  }
  return detail;
}
