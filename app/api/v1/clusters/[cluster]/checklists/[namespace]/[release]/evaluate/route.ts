// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/evaluate — "re-evaluate now": evaluates and
// always stores a run; returns the checklist. Changes nothing in the cluster, so it is allowed in read-only mode.
import { reevaluate } from "@/lib/checklist-service/service";
import { releaseParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: releaseParams,
  mutation: true,
  allowReadOnly: true,
  handler: ({ params, user }) => reevaluate(params.cluster, user, params.namespace, params.release),
});
