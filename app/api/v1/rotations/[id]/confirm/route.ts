// POST /api/v1/rotations/{id}/confirm → { rotation }: the user did what the waiting step asked (added the deploy key, changed the vault item).
import { z } from "zod";
import { route } from "@/lib/http/route";
import { rotationId } from "@/lib/rotation/schemas";
import { confirmRotation } from "@/lib/rotation/service";

export const dynamic = "force-dynamic";

export const POST = route({
  params: z.object({ id: rotationId }),
  mutation: true,
  handler: async ({ params, user, requestId }) => ({ rotation: await confirmRotation({ user, requestId }, params.id) }),
});
