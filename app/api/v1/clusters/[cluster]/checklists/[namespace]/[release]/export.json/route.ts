// GET /api/v1/clusters/{cluster}/checklists/{namespace}/{release}/export.json — the CI-gate JSON as a download.
import { exportChecklist } from "@/lib/checklist-service/export";
import { releaseParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: releaseParams,
  handler: ({ params, user }) => exportChecklist(params.cluster, user, params.namespace, params.release, "json"),
});
