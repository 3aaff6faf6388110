import { staleBannerText } from "@/lib/queries/cluster-status";
import type { ClusterStatusView } from "@/lib/queries/types";

/** "cluster unreachable — showing data from HH:MM:SS" while a cluster's cache is stale. */
export function StaleBanner({ status, cluster }: { status: ClusterStatusView | null | undefined; cluster: string }) {
  const text = staleBannerText(status);
  return (
    <div aria-live="polite">
      {text ? (
        <div role="status" data-testid="stale-banner" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span className="font-medium">{cluster}:</span> {text}
          {status?.message ? <span className="block text-xs opacity-80">{status.message}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
