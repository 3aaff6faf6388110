// POST /api/v1/rotations/{id}/rollback → { rotation }: restore the previous value of a succeeded rotation from its backup Secret.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { rotationId } from "@/lib/rotation/schemas";
import { rollbackRotation } from "@/lib/rotation/service";

export const dynamic = "force-dynamic";

export const POST = route({
  params: z.object({ id: rotationId }),
  mutation: true,
  handler: async ({ params, user, requestId }) => ({ rotation: await rollbackRotation({ user, requestId }, params.id) }),
});
