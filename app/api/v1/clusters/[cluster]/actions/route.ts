// POST /api/v1/clusters/{cluster}/actions { action, resource, namespace, name, withSource?, reason? }
// → 202 { operation, deduplicated }. Runs the action as the signed-in user (lib/actions/request.ts); a repeated
// request for the same target and action while one is in flight returns the running operation.
import { z } from "zod";
import { ACTION_NAMES } from "@/lib/actions/catalog";
import { requestAction } from "@/lib/actions/request";
import { route } from "@/lib/http/route";
import { clusterId, namespaceParam, objectName, resourceName } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

const body = z.strictObject({
  action: z.enum(ACTION_NAMES, { error: () => `must be one of: ${ACTION_NAMES.join(", ")}` }),
  resource: resourceName,
  namespace: namespaceParam.optional(),
  name: objectName,
  withSource: z.boolean().optional(),
  reason: z.string().max(2000).optional(),
});

export const POST = route({
  params: z.object({ cluster: clusterId }),
  body,
  mutation: true,
  maxBodyBytes: 8 * 1024,
  handler: async ({ params, body, user, requestId }) => {
    const result = await requestAction({ user, cluster: params.cluster, requestId }, body);
    return Response.json(result, { status: 202, headers: { "cache-control": "no-store" } });
  },
});
