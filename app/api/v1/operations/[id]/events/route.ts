// GET /api/v1/operations/{id}/events — Server-Sent Events: `event: operation` with the full operation on connect
// and on every change, then the stream ends once the operation is finished. Changes come from this process's
// tracker and, as a fallback (another replica tracks it), from re-reading the row every 2 s. Ends within 30 s of
// sign-out (SECURITY.md S20).
import { z } from "zod";
import { subscribeOperation } from "@/lib/actions/feed";
import { operationId } from "@/lib/actions/schemas";
import { findOperation } from "@/lib/actions/store";
import { ensureTrackingResumed } from "@/lib/actions/tracker";
import { isTerminal } from "@/lib/actions/types";
import { toOperationView, type OperationView } from "@/lib/actions/view";
import { canSeeOperation } from "@/lib/actions/visibility";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ id: operationId }),
  handler: async ({ req, params, user }) => {
    void ensureTrackingResumed();
    const row = await findOperation(params.id);
    if (!row || !(await canSeeOperation(user, row))) throw new AppError("not_found", "Operation not found");
    return sseResponse(req, user, (ch) => {
      let lastUpdate = "";
      const deliver = (op: OperationView) => {
        // ISO times: never go back to an older state; the same time again only matters when it is the final one.
        if (lastUpdate && (op.updatedAt < lastUpdate || (op.updatedAt === lastUpdate && !isTerminal(op.state)))) return;
        lastUpdate = op.updatedAt;
        ch.send("operation", op);
        if (isTerminal(op.state)) ch.close("finished");
      };
      const reread = () =>
        findOperation(params.id)
          .then((r) => r && deliver(toOperationView(r)))
          .catch((err: unknown) => logger.warn({ operation: params.id, err: err instanceof Error ? err.message : String(err) }, "operation stream re-read failed"));
      ch.onClose(subscribeOperation(params.id, deliver));
      ch.every(2_000, () => void reread());
      deliver(toOperationView(row));
      // A change published between the first read and the subscription would otherwise wait for the next re-read.
      void reread();
    });
  },
});
