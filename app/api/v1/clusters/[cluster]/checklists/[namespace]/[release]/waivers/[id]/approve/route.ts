// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/waivers/{id}/approve { comment? } → { waiver }
// Admin or approver group, never the requester (403).
import { approveWaiver } from "@/lib/checklist-service/waive";
import { approveBody, waiverParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: waiverParams,
  body: approveBody,
  mutation: true,
  maxBodyBytes: 16 * 1024,
  handler: ({ params, body, user, requestId }) =>
    approveWaiver(params.cluster, user, params.namespace, params.release, params.id, body.comment, requestId),
});
