// GET /api/v1/rotations/{id}/events — Server-Sent Events: `event: rotation` with the full rotation on connect and
// on every change (this process's runner, and a re-read every 1.5 s for rotations driven by another replica); the
// stream ends once the rotation is finished, and within 30 s of sign-out (SECURITY.md S20).
import { z } from "zod";
import { route } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { logger } from "@/lib/log/logger";
import { subscribeRotation } from "@/lib/rotation/feed";
import { isTerminalRotation } from "@/lib/rotation/kinds";
import { rotationId } from "@/lib/rotation/schemas";
import { getRotation } from "@/lib/rotation/service";
import type { RotationView } from "@/lib/rotation/view";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ id: rotationId }),
  handler: async ({ req, params, user }) => {
    const first = await getRotation(user, params.id);
    return sseResponse(req, user, (ch) => {
      let last = "";
      const deliver = (r: RotationView) => {
        const json = JSON.stringify(r);
        if (json === last) return;
        last = json;
        ch.send("rotation", r);
        if (isTerminalRotation(r.state)) ch.close("finished");
      };
      const reread = () =>
        getRotation(user, params.id)
          .then(deliver)
          .catch((err: unknown) => logger.warn({ rotation: params.id, err: err instanceof Error ? err.message : String(err) }, "rotation stream re-read failed"));
      ch.onClose(subscribeRotation(params.id, () => void reread()));
      ch.every(1_500, () => void reread());
      deliver(first);
    });
  },
});
