// GET /api/v1/checklists → { subjects, errors }: the Airflow releases of every cluster the user may see, with gate,
// score and sign-off state (the Checklists page).
import { listAllSubjects } from "@/lib/checklist-service/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  handler: ({ user }) => listAllSubjects(user),
});
