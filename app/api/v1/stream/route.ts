// GET /api/v1/stream?cluster= — Server-Sent Events the user may see: `change` (object summaries with health) and
// `event` (Kubernetes Events as they are recorded, for the event tables and the overview's warnings).
// Heartbeat every 15 s; the stream ends within 60 s of sign-out or session expiry; clients reconnect and refetch.
import { z } from "zod";
import { subscribeEvents } from "@/lib/cluster-view/event-feed";
import { summaryIndex, type SummaryChange } from "@/lib/cluster-view/summary-index";
import { namespacesOf, requireCluster } from "@/lib/cluster-view/visibility";
import { apiServerTextFor } from "@/lib/http/api-server-visibility";
import { route } from "@/lib/http/route";
import { clusterId } from "@/lib/http/schemas";
import { sseResponse } from "@/lib/http/sse";
import { resourceInfo } from "@/lib/kinds/registry";
import { allowedNamespaces } from "@/lib/k8s/access";

export const dynamic = "force-dynamic";

export const GET = route({
  query: z.object({ cluster: clusterId }),
  handler: async ({ req, query, user }) => {
    const cache = requireCluster(query.cluster);
    // The user's visibility per resource type, re-checked at most once a minute.
    const permitted = new Map<string, { at: number; allowed: Promise<"all" | Set<string>> }>();
    const allowed = (resource: string) => {
      const hit = permitted.get(resource);
      if (hit && Date.now() - hit.at < 60_000) return hit.allowed;
      const info = resourceInfo(resource);
      const p = info ? allowedNamespaces(cache.id, user, info, namespacesOf(cache)) : Promise.resolve(new Set<string>());
      permitted.set(resource, { at: Date.now(), allowed: p });
      return p;
    };
    return sseResponse(req, user, (ch) => {
      // Status messages may quote the API server's address: admins only (lib/http/api-server-visibility.ts).
      const statusFor = (s: ReturnType<typeof cache.status>) => ({ ...s, message: apiServerTextFor(user, s.message) });
      ch.send("hello", { cluster: cache.id, status: statusFor(cache.status()) });
      ch.onClose(
        summaryIndex(cache).subscribe((c: SummaryChange) => {
          allowed(c.summary.resource).then(
            (ns) => {
              if (ns === "all" || (c.summary.namespace && ns.has(c.summary.namespace))) ch.send("change", c);
            },
            () => permitted.delete(c.summary.resource), // the check failed: drop this change, ask again next time
          );
        }),
      );
      ch.onClose(
        subscribeEvents(cache, (e) => {
          allowed("events").then(
            (ns) => {
              if (ns === "all" || (e.namespace && ns.has(e.namespace))) ch.send("event", e);
            },
            () => permitted.delete("events"),
          );
        }),
      );
      let lastStatus = cache.status().status;
      ch.every(5_000, () => {
        const s = cache.status();
        if (s.status === lastStatus) return;
        lastStatus = s.status;
        ch.send("status", { cluster: cache.id, status: statusFor(s) });
      });
    });
  },
});
