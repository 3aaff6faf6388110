// Server-Sent Events of checklist re-evaluations (`event: checklist`), filtered to the releases the user may see
// and optionally to one namespace/release. Heartbeat every 15 s; ends when the session ends (checked every 30 s).
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { sessionIsActive } from "@/lib/auth/sessions";
import { requireCluster } from "@/lib/cluster-view/visibility";
import { canSeeReleases } from "./access";
import type { ChecklistStreamEvent } from "./api-types";
import { subscribeEvaluations } from "./feed";
import { checklistMonitor } from "./monitor";

export interface StreamFilter {
  cluster: string;
  namespace?: string;
  release?: string;
}

export function checklistStream(req: Request, user: Principal, filter: StreamFilter): Response {
  const cache = requireCluster(filter.cluster);
  checklistMonitor(cache);
  const encoder = new TextEncoder();
  const matches = (e: ChecklistStreamEvent) =>
    e.cluster === filter.cluster &&
    (!filter.namespace || e.namespace === filter.namespace) &&
    (!filter.release || e.release === filter.release);
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ cluster: filter.cluster })}\n\n`);
      const unsubscribe = subscribeEvaluations((e) => {
        if (!matches(e)) return;
        void canSeeReleases(e.cluster, user, e.namespace).then((ok) => {
          if (ok) send(`event: checklist\ndata: ${JSON.stringify(e)}\n\n`);
        });
      });
      const heartbeat = setInterval(() => send(`: ping\n\n`), 15_000);
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
        clearInterval(heartbeat);
        clearInterval(sessionCheck);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
        cleanup = () => undefined;
      };
      req.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
