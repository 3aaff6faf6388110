// GET /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/export.md — CHECKLIST.md (seed 002's template,
// filled in with results, attestations, waivers, evidence and the sign-off).
import { exportChecklist } from "@/lib/checklist-service/export";
import { releaseParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: releaseParams,
  handler: ({ params, user }) => exportChecklist(params.cluster, user, params.namespace, params.release, "md"),
});
