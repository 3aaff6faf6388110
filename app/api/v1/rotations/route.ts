// GET /api/v1/rotations?cluster=&namespace=&secret=&limit= → { rotations } (newest first; only rotations of
// Secrets the user may get).
import { route } from "@/lib/http/route";
import { rotationListQuery } from "@/lib/rotation/schemas";
import { listVisibleRotations } from "@/lib/rotation/service";

export const dynamic = "force-dynamic";

export const GET = route({
  query: rotationListQuery,
  handler: async ({ query, user }) => ({ rotations: await listVisibleRotations(user, query) }),
});
