// GET /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/history?limit=50
// → { runs: [{ id, at, trigger, gate, score, counts, changes: [{ id, from, to }], facts, hash, hashVerified }] }
import { history } from "@/lib/checklist-service/history";
import { historyQuery, releaseParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: releaseParams,
  query: historyQuery,
  handler: ({ params, query, user }) => history(params.cluster, user, params.namespace, params.release, query.limit),
});
