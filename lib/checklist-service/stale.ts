// GET /api/v1/checklists/stale: approved sign-offs that went stale or expired (the newest approved review of each
// release only), visible to the user — for the overview's attention list.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { canSeeReleases } from "./access";
import { listReviews, listStaleOrExpired, toReviewView } from "./store/reviews";

export interface StaleSignoff {
  cluster: string;
  namespace: string;
  release: string;
  state: "stale" | "expired";
  reasons: string[];
  signedBy?: string;
  signedAt?: string;
  staleAt?: string;
  expiresAt?: string;
  /** The checklist page of the release. */
  href: string;
}

export async function staleSignoffs(user: Principal): Promise<{ signoffs: StaleSignoff[] }> {
  const now = new Date();
  const rows = await listStaleOrExpired(now);
  const out: StaleSignoff[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.cluster}/${row.namespace}/${row.release}`;
    if (seen.has(key) || !clusterCache(row.cluster)) continue;
    seen.add(key);
    if (!(await canSeeReleases(row.cluster, user, row.namespace))) continue;
    const newest = (
      await listReviews({ cluster: row.cluster, namespace: row.namespace, release: row.release }, 20)
    ).find((r) => r.state === "approved");
    if (newest?.id !== row.id) continue;
    const view = toReviewView(row);
    const expired = !!row.expiresAt && row.expiresAt.getTime() <= now.getTime();
    out.push({
      cluster: row.cluster,
      namespace: row.namespace,
      release: row.release,
      state: expired ? "expired" : "stale",
      reasons: expired ? [`expired on ${view.expiresAt}`] : view.staleReasons,
      signedBy: view.decidedBy,
      signedAt: view.decidedAt,
      staleAt: view.staleAt,
      expiresAt: view.expiresAt,
      href: `/checklists/${encodeURIComponent(row.cluster)}/${row.namespace}/${row.release}`,
    });
  }
  return { signoffs: out };
}
