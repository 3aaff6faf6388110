// POST /api/v1/rotations/{id}/cancel → { rotation }: stop a running rotation and roll back what it did (409 past the point of no return).
import { z } from "zod";
import { route } from "@/lib/http/route";
import { rotationId } from "@/lib/rotation/schemas";
import { cancelRotation } from "@/lib/rotation/service";

export const dynamic = "force-dynamic";

export const POST = route({
  params: z.object({ id: rotationId }),
  mutation: true,
  handler: async ({ params, user, requestId }) => ({ rotation: await cancelRotation({ user, requestId }, params.id) }),
});
