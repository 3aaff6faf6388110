// GET /api/v1/overview: per cluster, counts by health per kind, the "needs attention" list (Degraded and stalled
// first, then stale, then long-Progressing) with each item's root-cause chain, and recent warning events — all
// limited to what the user may see.
import "server-only";
import { rootCause } from "@/lib/graph";
import type { HealthStatus } from "@/lib/health";
import type { Principal } from "@/lib/auth/principal";
import { resourceInfo } from "@/lib/kinds/registry";
import { allowedNamespaces } from "@/lib/k8s/access";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { OverviewCluster, RootCauseStep } from "@/lib/views/detail";
import { byLastSeenDesc, toEventView } from "@/lib/views/events";
import { toRootCauseStep } from "@/lib/views/graph-view";
import { HEALTH_STATUSES, type ResourceSummary } from "@/lib/views/summary";
import { clusterGraph } from "./graph-cache";
import { LISTABLE, visibleSummaries } from "./list";
import { namespacesOf } from "./visibility";
import { apiServerTextFor } from "@/lib/http/api-server-visibility";

const ATTENTION_LIMIT = 50;
const LONG_PROGRESSING_MS = 10 * 60_000;
/** Kinds whose problems are reported on their own; pods and secrets show up through their owners' chains. */
const ATTENTION_KINDS = new Set(["helmreleases", "kustomizations", "gitrepositories", "helmrepositories", "ocirepositories", "helmcharts", "externalsecrets", "clusterexternalsecrets", "secretstores", "clustersecretstores", "deployments", "statefulsets", "jobs"]);

function emptyCounts(): Record<HealthStatus, number> {
  return Object.fromEntries(HEALTH_STATUSES.map((s) => [s, 0])) as Record<HealthStatus, number>;
}

/** Attention rank: 0 Degraded+stalled, 1 Degraded, 2 stale, 3 long-Progressing; undefined = no attention. */
export function attentionRank(s: ResourceSummary, now: number): number | undefined {
  if (s.health.status === "Degraded") return s.health.stalled ? 0 : 1;
  if (s.health.stale) return 2;
  if (s.health.status === "Progressing") {
    const since = Date.parse(s.lastReconciledAt ?? s.createdAt ?? "");
    if (Number.isFinite(since) && now - since > LONG_PROGRESSING_MS) return 3;
  }
  return undefined;
}

export async function clusterOverview(cache: ClusterCache, user: Principal, name: string): Promise<OverviewCluster> {
  const summaries = await visibleSummaries(cache, user, LISTABLE);
  const counts: OverviewCluster["counts"] = {};
  const now = Date.now();
  const ranked: { rank: number; s: ResourceSummary }[] = [];
  for (const s of summaries) {
    (counts[s.resource] ??= emptyCounts())[s.health.status] += 1;
    const rank = ATTENTION_KINDS.has(s.resource) ? attentionRank(s, now) : undefined;
    if (rank !== undefined) ranked.push({ rank, s });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.s.resource.localeCompare(b.s.resource) || a.s.name.localeCompare(b.s.name));

  const { graph } = clusterGraph(cache);
  const attention = ranked.slice(0, ATTENTION_LIMIT).map(({ s }) => {
    const id = `${s.resource}/${s.namespace ?? "_"}/${s.name}`;
    const chain: RootCauseStep[] = rootCause(graph, id).map(toRootCauseStep);
    return { summary: s, rootCause: chain };
  });

  const eventsInfo = resourceInfo("events");
  const allowed = eventsInfo ? await allowedNamespaces(cache.id, user, eventsInfo, namespacesOf(cache)) : new Set<string>();
  const warnings = cache
    .list("events")
    .filter((e) => (e as { type?: string }).type === "Warning")
    .filter((e) => allowed === "all" || (!!e.metadata.namespace && allowed.has(e.metadata.namespace)))
    .map(toEventView)
    .sort(byLastSeenDesc)
    .slice(0, 20);

  const st = cache.status();
  return {
    id: cache.id,
    name,
    status: st.status === "syncing" ? "connected" : st.status,
    staleSince: st.staleSince ?? null,
    lastSyncAt: st.lastSyncAt ?? null,
    message: apiServerTextFor(user, st.message),
    counts,
    attention,
    warnings,
  };
}
