// GET /api/v1/clusters/{cluster}/logs/{namespace}/{pod}?container=&tailLines=&follow=
// Read as the signed-in user; Secret values the pod references are masked (lib/k8s/pod-logs.ts). follow=true streams
// over SSE. When a referenced Secret cannot be read the log is refused (503 with the reason) before anything is
// sent; while following, such a failure ends the stream with an `error` event.
import { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { requireCluster } from "@/lib/cluster-view/visibility";
import { route } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { clusterId, objectName } from "@/lib/http/schemas";
import { can } from "@/lib/k8s/access";
import { openFollow, readLog } from "@/lib/k8s/pod-logs";

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

    const follower = await openFollow(base);
    return sseResponse(req, user, async (ch) => {
      const fail = (message: string) => {
        ch.send("error", { message });
        ch.close();
      };
      const stream = await follower.start((line) => ch.send("line", line), fail).catch((err: unknown) => {
        fail(err instanceof Error ? err.message : String(err));
        return undefined;
      });
      if (!stream) return;
      ch.onClose(() => stream.close());
      void stream.done.then(() => ch.close("stream ended"));
    });
  },
});
