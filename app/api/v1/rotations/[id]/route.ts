// GET /api/v1/rotations/{id} → { rotation: { id, kind, target, state, steps: [{ name, state, message, at }], … } }.
import { z } from "zod";
import { route } from "@/lib/http/route";
import { rotationId } from "@/lib/rotation/schemas";
import { getRotation } from "@/lib/rotation/service";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ id: rotationId }),
  handler: async ({ params, user }) => ({ rotation: await getRotation(user, params.id) }),
});
