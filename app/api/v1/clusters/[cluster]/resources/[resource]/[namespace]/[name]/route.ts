// GET /api/v1/clusters/{cluster}/resources/{resource}/{namespace}/{name} — detail (namespace "_" for cluster-scoped):
// redacted object, health, conditions, graph, root cause, events, pods, per-kind sections. 404 for missing and
// for forbidden alike.
import { z } from "zod";
import { resourceDetail } from "@/lib/cluster-view/detail";
import { requireCluster, requireResource } from "@/lib/cluster-view/visibility";
import { route } from "@/lib/http/route";
import { clusterId, namespaceParam, objectName, resourceName } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ cluster: clusterId, resource: resourceName, namespace: namespaceParam, name: objectName }),
  handler: async ({ params, user }) => {
    const cache = requireCluster(params.cluster);
    const info = requireResource(params.resource);
    return resourceDetail(cache, user, info, params.namespace === "_" ? undefined : params.namespace, params.name);
  },
});
