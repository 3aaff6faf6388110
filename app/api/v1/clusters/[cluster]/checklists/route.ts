// GET /api/v1/clusters/{cluster}/checklists → { subjects: [{ namespace, name, gate, score, counts, signoff … }], errors }
// Every Airflow HelmRelease of the cluster the user may `get`, evaluated now (the CI gate per release).
import { listSubjects } from "@/lib/checklist-service/service";
import { clusterParams } from "@/lib/checklist-service/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  params: clusterParams,
  handler: ({ params, user }) => listSubjects(params.cluster, user),
});
