// GET  /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/reviews → { reviews } (newest first)
// POST …/reviews { comment? } → 201 { review } — request a production-readiness review (operator role; one open
// request at a time, 409 otherwise).
import { reviewList } from "@/lib/checklist-service/review-read";
import { requestReview } from "@/lib/checklist-service/review";
import { releaseParams, reviewBody } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: releaseParams,
  handler: ({ params, user }) => reviewList(params.cluster, user, params.namespace, params.release),
});

export const POST = route({
  params: releaseParams,
  body: reviewBody,
  role: "operator",
  mutation: true,
  maxBodyBytes: 16 * 1024,
  handler: async ({ params, body, user, requestId }) =>
    Response.json(
      await requestReview(params.cluster, user, params.namespace, params.release, body.comment, requestId),
      { status: 201 },
    ),
});
