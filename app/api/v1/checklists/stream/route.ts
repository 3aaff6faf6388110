// GET /api/v1/checklists/stream?cluster=&namespace=&release= — SSE: `event: checklist` with { cluster, namespace,
// release, evaluatedAt, gate, score, signoff, signature } each time a visible release is re-evaluated (on cluster
// changes, throttled, and after attestations, waivers and reviews). Clients refetch the checklist on each event.
import { checklistStream } from "@/lib/checklist-service/stream";
import { streamQuery } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";
import { clusterId } from "@/lib/http/schemas";

export const dynamic = "force-dynamic";

export const GET = route({
  query: streamQuery.extend({ cluster: clusterId }),
  handler: async ({ req, query, user }) => checklistStream(req, user, query),
});
