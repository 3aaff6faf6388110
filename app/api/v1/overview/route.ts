// GET /api/v1/overview — every cluster's health counts, needs-attention list with root causes, recent warnings.
import { clusterOverview } from "@/lib/cluster-view/overview";
import { route } from "@/lib/http/route";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { configuredClusters } from "@/lib/k8s/kubeconfig";
import type { OverviewResponse } from "@/lib/views/detail";

export const dynamic = "force-dynamic";

export const GET = route({
  handler: async ({ user }): Promise<OverviewResponse> => {
    const clusters = await Promise.all(
      configuredClusters().map(async (c) => {
        const cache = clusterCache(c.id);
        return cache ? clusterOverview(cache, user, c.name) : null;
      }),
    );
    return { clusters: clusters.filter((c) => c !== null) };
  },
});
