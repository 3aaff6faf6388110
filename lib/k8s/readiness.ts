// Readiness of each configured cluster's cache, for /api/readyz.
import "server-only";
import { allClusterCaches } from "./cache/registry";

export function clusterReadiness(): { id: string; synced: boolean; message: string }[] {
  return allClusterCaches().map((c) => {
    const s = c.status();
    return { id: c.id, synced: c.synced(), message: s.message };
  });
}
