// GET /api/v1/stream?cluster= — Server-Sent Events of changes (summaries with health) the user may see.
// Heartbeat every 15 s; the stream ends within 30 s of sign-out or session expiry; clients reconnect and refetch.
import { z } from "zod";
import { sessionIsActive } from "@/lib/auth/sessions";
import { requireCluster } from "@/lib/cluster-view/visibility";
import { summaryIndex, type SummaryChange } from "@/lib/cluster-view/summary-index";
import { route } from "@/lib/http/route";
import { clusterId } from "@/lib/http/schemas";
import { resourceInfo } from "@/lib/kinds/registry";
import { allowedNamespaces } from "@/lib/k8s/access";
import { namespacesOf } from "@/lib/cluster-view/visibility";

export const dynamic = "force-dynamic";

export const GET = route({
  query: z.object({ cluster: clusterId }),
  handler: async ({ req, query, user }) => {
    const cache = requireCluster(query.cluster);
    const encoder = new TextEncoder();
    const permitted = new Map<string, { at: number; allowed: Promise<"all" | Set<string>> }>();
    const allowed = (resource: string) => {
      const hit = permitted.get(resource);
      if (hit && Date.now() - hit.at < 60_000) return hit.allowed;
      const info = resourceInfo(resource);
      const p = info ? allowedNamespaces(cache.id, user, info, namespacesOf(cache)) : Promise.resolve(new Set<string>());
      permitted.set(resource, { at: Date.now(), allowed: p });
      return p;
    };
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
        send(`retry: 2000\nevent: hello\ndata: ${JSON.stringify({ cluster: cache.id, status: cache.status() })}\n\n`);
        const unsubscribe = summaryIndex(cache).subscribe((c: SummaryChange) => {
          void allowed(c.summary.resource).then((ns) => {
            if (ns === "all" || (c.summary.namespace && ns.has(c.summary.namespace))) {
              send(`event: change\ndata: ${JSON.stringify(c)}\n\n`);
            }
          });
        });
        let lastStatus = cache.status().status;
        const heartbeat = setInterval(() => {
          const s = cache.status();
          if (s.status !== lastStatus) {
            lastStatus = s.status;
            send(`event: status\ndata: ${JSON.stringify({ cluster: cache.id, status: s })}\n\n`);
          }
          send(`: ping\n\n`);
        }, 5_000);
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
            /* already closed */
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
      headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
    });
  },
});
