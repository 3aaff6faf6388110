// GET /api/v1/clusters/{cluster}/resources?resource=&namespace=&health=&q= — summaries with health, filtered by
// the user's RBAC.
import { z } from "zod";
import { listSummaries, LISTABLE } from "@/lib/cluster-view/list";
import { requireCluster, requireResource } from "@/lib/cluster-view/visibility";
import { route } from "@/lib/http/route";
import { clusterId, namespaceParam, resourceName } from "@/lib/http/schemas";
import { HEALTH_STATUSES } from "@/lib/views/summary";

export const dynamic = "force-dynamic";

const query = z.object({
  resource: resourceName.optional(),
  namespace: namespaceParam.optional(),
  health: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",") : undefined))
    .pipe(z.array(z.enum(HEALTH_STATUSES)).optional()),
  q: z.string().max(200).optional(),
});

export const GET = route({
  params: z.object({ cluster: clusterId }),
  query,
  handler: async ({ params, query, user }) => {
    const cache = requireCluster(params.cluster);
    const infos = query.resource ? [requireResource(query.resource)] : LISTABLE;
    const items = await listSummaries(cache, user, infos, {
      namespace: query.namespace === "_" ? undefined : query.namespace,
      health: query.health,
      q: query.q,
    });
    const s = cache.status();
    return { items, cluster: { id: cache.id, status: s.status, staleSince: s.staleSince ?? null, lastSyncAt: s.lastSyncAt ?? null } };
  },
});
