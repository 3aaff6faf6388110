// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/reviews/{id}/reject { comment } → { review }
// Admin or approver group, never the requester (403); the comment is required.
import { decide } from "@/lib/checklist-service/review";
import { rejectBody, reviewParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: reviewParams,
  body: rejectBody,
  mutation: true,
  maxBodyBytes: 16 * 1024,
  handler: ({ params, body, user, requestId }) =>
    decide(params.cluster, user, params.namespace, params.release, params.id, "reject", body.comment, requestId),
});
