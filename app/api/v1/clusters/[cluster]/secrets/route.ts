// GET /api/v1/clusters/{cluster}/secrets?namespace= → { cluster, namespaces, items } — the Secrets inventory:
// type, key names (never values), manager, consumers, last rotation, attested policy, overdue, rotate permission.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { clusterId } from "@/lib/http/schemas";
import { secretInventory } from "@/lib/rotation/inventory";
import { secretsQuery } from "@/lib/rotation/schemas";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ cluster: clusterId }),
  query: secretsQuery,
  handler: async ({ params, query, user }) => secretInventory(params.cluster, user, query.namespace),
});
