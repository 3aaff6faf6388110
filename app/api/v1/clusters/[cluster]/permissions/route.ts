// GET /api/v1/clusters/{cluster}/permissions?resource=&namespace=&name= → { actions: { [action]: { allowed,
// reason?, code?, recommended? } }, suspend } — what the signed-in user may do with the object (for the buttons).
import { z } from "zod";
import { actionPermissions } from "@/lib/actions/permissions";
import { route } from "@/lib/http/route";
import { clusterId, namespaceParam, objectName, resourceName } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ cluster: clusterId }),
  query: z.object({ resource: resourceName, namespace: namespaceParam.optional(), name: objectName }),
  handler: async ({ params, query, user }) => {
    const namespace = query.namespace === "_" ? undefined : query.namespace;
    return actionPermissions(params.cluster, user, { resource: query.resource, namespace, name: query.name });
  },
});
