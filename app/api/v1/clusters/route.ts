// GET /api/v1/clusters — every kubeconfig context with its cache state. The API server's URL (`server`) and the
// addresses inside status messages are for admins only.
import { roleAtLeast } from "@/lib/auth/roles";
import { apiServerTextFor } from "@/lib/http/api-server-visibility";
import { route } from "@/lib/http/route";
import { configuredClusters } from "@/lib/k8s/kubeconfig";
import { clusterCache } from "@/lib/k8s/cache/registry";

export const dynamic = "force-dynamic";

export const GET = route({
  handler: async ({ user }) => ({
    clusters: configuredClusters().map((c) => {
      const s = clusterCache(c.id)?.status();
      const status = s?.status === "syncing" ? "connected" : (s?.status ?? "error");
      return {
        id: c.id,
        name: c.name,
        ...(roleAtLeast(user.role, "admin") ? { server: c.server } : {}),
        status,
        syncing: s?.status === "syncing",
        lastSyncAt: s?.lastSyncAt ?? null,
        staleSince: s?.staleSince ?? null,
        message: apiServerTextFor(user, s?.message ?? ""),
      };
    }),
  }),
});
