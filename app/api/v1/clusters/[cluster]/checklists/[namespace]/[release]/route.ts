// GET /api/v1/clusters/{cluster}/checklists/{namespace}/{release}
// → { release, gate: "pass"|"fail", score, items: [{ id, part, title, mode, status, blocking, evidence, fix … }],
//     signoff: { state: "none"|"requested"|"approved"|"rejected"|"stale"|"expired", … }, waivers, permissions }
// Evaluated now; 404 when the release is missing, not an Airflow release, or not visible to the user.
import { getChecklist } from "@/lib/checklist-service/service";
import { releaseParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: releaseParams,
  handler: ({ params, user }) => getChecklist(params.cluster, user, params.namespace, params.release),
});
