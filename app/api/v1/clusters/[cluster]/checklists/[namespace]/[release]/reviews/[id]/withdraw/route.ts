// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/reviews/{id}/withdraw → { review }
// The requester takes an undecided review request back (403 for anyone else).
import { withdrawReview } from "@/lib/checklist-service/review";
import { reviewParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: reviewParams,
  role: "operator",
  mutation: true,
  handler: ({ params, user, requestId }) =>
    withdrawReview(params.cluster, user, params.namespace, params.release, params.id, requestId),
});
