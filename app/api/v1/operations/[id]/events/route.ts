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
import { sessionIsActive } from "@/lib/auth/sessions";
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { logger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";

export const GET = route({
  params: z.object({ id: operationId }),
  handler: async ({ req, params, user }) => {
    void ensureTrackingResumed();
    const row = await findOperation(params.id);
    if (!row || !(await canSeeOperation(user, row))) throw new AppError("not_found", "Operation not found");
    const encoder = new TextEncoder();
    let cleanup = () => undefined as void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let lastUpdate = "";
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const deliver = (op: OperationView) => {
          if (op.updatedAt === lastUpdate && !isTerminal(op.state)) return;
          lastUpdate = op.updatedAt;
          send(`event: operation\ndata: ${JSON.stringify(op)}\n\n`);
          if (isTerminal(op.state)) {
            send(`event: end\ndata: {"reason":"finished"}\n\n`);
            cleanup();
          }
        };
        send("retry: 2000\n\n");
        const unsubscribe = subscribeOperation(params.id, deliver);
        const reread = setInterval(() => {
          findOperation(params.id)
            .then((r) => r && deliver(toOperationView(r)))
            .catch((err: unknown) => logger.warn({ operation: params.id, err: err instanceof Error ? err.message : String(err) }, "operation stream re-read failed"));
        }, 2_000);
        const heartbeat = setInterval(() => send(": ping\n\n"), 15_000);
        const sessionCheck = setInterval(() => {
          if (!user.sessionId) return;
          void sessionIsActive(user.sessionId).then((ok) => {
            if (!ok) {
              send(`event: end\ndata: {"reason":"session ended"}\n\n`);
              cleanup();
            }
          });
        }, 30_000);
        cleanup = () => {
          clearInterval(reread);
          clearInterval(heartbeat);
          clearInterval(sessionCheck);
          unsubscribe();
          try {
            controller.close();
          } catch {
            /* already closed */
          }
          cleanup = () => undefined;
        };
        req.signal.addEventListener("abort", () => cleanup());
        deliver(toOperationView(row));
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
    });
  },
});
