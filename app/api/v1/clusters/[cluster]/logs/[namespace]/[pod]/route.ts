// GET /api/v1/clusters/{cluster}/logs/{namespace}/{pod}?container=&tailLines=&follow=
// Read as the signed-in user; Secret values the pod references are masked. follow=true streams over SSE.
import { z } from "zod";
import { sessionIsActive } from "@/lib/auth/sessions";
import { AppError } from "@/lib/http/errors";
import { requireCluster } from "@/lib/cluster-view/visibility";
import { route } from "@/lib/http/route";
import { clusterId, objectName } from "@/lib/http/schemas";
import { can } from "@/lib/k8s/access";
import { followLog, readLog } from "@/lib/k8s/pod-logs";

export const dynamic = "force-dynamic";

const params = z.object({ cluster: clusterId, namespace: objectName, pod: objectName });
const query = z.object({
  container: objectName.optional(),
  tailLines: z.coerce.number().int().min(1).max(5000).optional(),
  follow: z.enum(["true", "false", "1", "0"]).optional().transform((v) => v === "true" || v === "1"),
});

export const GET = route({
  params,
  query,
  handler: async ({ req, params, query, user }) => {
    const cache = requireCluster(params.cluster);
    const allowed = await can(cache.id, user, { verb: "get", group: "", resource: "pods", subresource: "log", namespace: params.namespace, name: params.pod });
    if (!allowed) throw new AppError("not_found", "Not found (or not visible to you)");
    const base = { cluster: cache.id, namespace: params.namespace, pod: params.pod, container: query.container, tailLines: query.tailLines, user };
    if (!query.follow) return { lines: await readLog(base) };

    const encoder = new TextEncoder();
    let stop = () => undefined as void;
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        const stream = await followLog(base, (line) => send(`event: line\ndata: ${JSON.stringify(line)}\n\n`)).catch((err: unknown) => {
          send(`event: error\ndata: ${JSON.stringify({ message: err instanceof Error ? err.message : String(err) })}\n\n`);
          controller.close();
          return undefined;
        });
        if (!stream) return;
        const ping = setInterval(() => send(": ping\n\n"), 15_000);
        const sessionCheck = setInterval(() => {
          if (user.sessionId) void sessionIsActive(user.sessionId).then((ok) => (ok ? undefined : stop()));
        }, 30_000);
        stop = () => {
          clearInterval(ping);
          clearInterval(sessionCheck);
          stream.close();
          try {
            controller.close();
          } catch {
            /* closed */
          }
          stop = () => undefined;
        };
        void stream.done.then(() => {
          send(`event: end\ndata: {}\n\n`);
          stop();
        });
        req.signal.addEventListener("abort", () => stop());
      },
      cancel() {
        stop();
      },
    });
    return new Response(body, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform" } });
  },
});
