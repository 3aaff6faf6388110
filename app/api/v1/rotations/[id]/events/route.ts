// GET /api/v1/rotations/{id}/events — Server-Sent Events: `event: rotation` with the full rotation on connect and
// on every change (this process's runner, and a re-read every 1.5 s for rotations driven by another replica); the
// stream ends once the rotation is finished, and within 30 s of sign-out (SECURITY.md S20).
import { z } from "zod";
import { sessionIsActive } from "@/lib/auth/sessions";
import { route } from "@/lib/http/route";
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
    const encoder = new TextEncoder();
    let cleanup = () => undefined as void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let last = "";
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        const deliver = (r: RotationView) => {
          const json = JSON.stringify(r);
          if (json === last) return;
          last = json;
          send(`event: rotation\ndata: ${json}\n\n`);
          if (isTerminalRotation(r.state)) {
            send(`event: end\ndata: {"reason":"finished"}\n\n`);
            cleanup();
          }
        };
        const reread = () =>
          getRotation(user, params.id)
            .then(deliver)
            .catch((err: unknown) => logger.warn({ rotation: params.id, err: err instanceof Error ? err.message : String(err) }, "rotation stream re-read failed"));
        send("retry: 2000\n\n");
        const unsubscribe = subscribeRotation(params.id, () => void reread());
        const poll = setInterval(() => void reread(), 1_500);
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
          clearInterval(poll);
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
        deliver(first);
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
