// GET /api/v1/operations?cluster=&state=&action=&resource=&namespace=&name=&limit=&before= → { operations }
// newest first; only operations on objects the user may read. `state` may list several states (comma-separated).
import { z } from "zod";
import { ACTION_NAMES } from "@/lib/actions/catalog";
import { listOperations } from "@/lib/actions/store";
import { ensureTrackingResumed } from "@/lib/actions/tracker";
import { OPERATION_STATES } from "@/lib/actions/types";
import { toOperationView } from "@/lib/actions/view";
import { visibleOperations } from "@/lib/actions/visibility";
import { route } from "@/lib/http/route";
import { clusterId, namespaceParam, objectName, resourceName } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

const query = z.object({
  cluster: clusterId.optional(),
  state: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",") : undefined))
    .pipe(z.array(z.enum(OPERATION_STATES)).optional()),
  action: z.enum(ACTION_NAMES).optional(),
  resource: resourceName.optional(),
  namespace: namespaceParam.optional(),
  name: objectName.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime().optional(),
});

export const GET = route({
  query,
  handler: async ({ query, user }) => {
    void ensureTrackingResumed();
    const rows = await listOperations({
      cluster: query.cluster,
      states: query.state,
      action: query.action,
      target: { resource: query.resource, namespace: query.namespace === "_" ? undefined : query.namespace, name: query.name },
      limit: query.limit,
      before: query.before ? new Date(query.before) : undefined,
    });
    const visible = await visibleOperations(user, rows);
    return { operations: visible.map(toOperationView) };
  },
});
