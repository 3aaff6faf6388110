// POST /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/attestations
// { checkId, fields: { <field id>: "<value>" }, links?: ["https://…"], expiresAt?: ISO time (default +90 days) }
// → 201 { attestation }. Operator role; 400 with the problems (nothing stored) for invalid fields or links.
import { attest } from "@/lib/checklist-service/attest";
import { attestationBody, releaseParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({
  params: releaseParams,
  body: attestationBody,
  role: "operator",
  mutation: true,
  maxBodyBytes: 32 * 1024,
  handler: async ({ params, body, user, requestId }) =>
    Response.json(await attest(params.cluster, user, params.namespace, params.release, body, requestId), {
      status: 201,
    }),
});
