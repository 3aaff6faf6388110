// GET /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/reviews/{id}
// → the review with its immutable evidence snapshot and hashVerified (the stored hash matches the content).
import { reviewDetail } from "@/lib/checklist-service/review-read";
import { reviewParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: reviewParams,
  handler: ({ params, user }) => reviewDetail(params.cluster, user, params.namespace, params.release, params.id),
});
