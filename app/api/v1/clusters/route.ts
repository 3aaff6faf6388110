// GET /api/v1/clusters — every kubeconfig context with its cache state.
import { route } from "@/lib/http/route";
import { configuredClusters } from "@/lib/k8s/kubeconfig";
import { clusterCache } from "@/lib/k8s/cache/registry";

export const dynamic = "force-dynamic";

export const GET = route({
  handler: async () => ({
    clusters: configuredClusters().map((c) => {
      const s = clusterCache(c.id)?.status();
      const status = s?.status === "syncing" ? "connected" : (s?.status ?? "error");
      return { id: c.id, name: c.name, server: c.server, status, syncing: s?.status === "syncing", lastSyncAt: s?.lastSyncAt ?? null, staleSince: s?.staleSince ?? null, message: s?.message ?? "" };
    }),
  }),
});
