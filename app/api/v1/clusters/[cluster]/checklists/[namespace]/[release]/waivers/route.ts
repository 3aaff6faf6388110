// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/waivers
// { checkId, reason, ticketUrl?, expiresAt } → 201 { waiver } (state "requested" until another person approves).
// Operator role; the expiry is mandatory and at most 90 days away.
import { requestWaiver } from "@/lib/checklist-service/waive";
import { releaseParams, waiverBody } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: releaseParams,
  body: waiverBody,
  role: "operator",
  mutation: true,
  maxBodyBytes: 16 * 1024,
  handler: async ({ params, body, user, requestId }) =>
    Response.json(await requestWaiver(params.cluster, user, params.namespace, params.release, body, requestId), {
      status: 201,
    }),
});
