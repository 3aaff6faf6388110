// GET /api/v1/checklists/stale → { signoffs: [{ cluster, namespace, release, state: "stale"|"expired", reasons,
// signedBy, signedAt, href }] } — sign-offs that need a new review, for the overview.
import { staleSignoffs } from "@/lib/checklist-service/stale";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({
  handler: ({ user }) => staleSignoffs(user),
});
