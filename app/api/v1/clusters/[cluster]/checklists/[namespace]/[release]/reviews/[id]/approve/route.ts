// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/reviews/{id}/approve { comment? } → { review }
// Signs off: stores the evidence snapshot and its hash. Admin or approver group, never the requester (403); a
// comment is required when the gate fails.
import { decide } from "@/lib/checklist-service/review";
import { approveBody, reviewParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: reviewParams,
  body: approveBody,
  mutation: true,
  maxBodyBytes: 16 * 1024,
  handler: ({ params, body, user, requestId }) =>
    decide(params.cluster, user, params.namespace, params.release, params.id, "approve", body.comment, requestId),
});
