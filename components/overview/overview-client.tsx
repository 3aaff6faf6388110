"use client";

import { useQuery } from "@tanstack/react-query";
import { useClusterStreams } from "@/components/live/use-cluster-stream";
import { usePollFallback } from "@/components/live/use-poll-fallback";
import { EventsTable } from "@/components/resources/events-table";
import { errorMessage } from "@/components/ui/api";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { overviewQuery } from "@/lib/queries/cluster-queries";
import { AttentionList } from "./attention-list";
import { ClusterCard } from "./cluster-card";
import { StaleSignoffs } from "./stale-signoffs";

/** Live streams are opened for this many clusters at most (each is one browser connection); others poll. */
const MAX_LIVE_CLUSTERS = 4;

export function OverviewClient() {
  const idsFromCache = useQuery({ ...overviewQuery(), select: (d) => d.clusters.map((c) => c.id).join("\n") }).data ?? "";
  const ids = idsFromCache ? idsFromCache.split("\n") : [];
  const liveIds = ids.slice(0, MAX_LIVE_CLUSTERS);
  useClusterStreams(liveIds);
  const fallback = usePollFallback(liveIds);
  const { data, error } = useQuery({ ...overviewQuery(), refetchInterval: ids.length > MAX_LIVE_CLUSTERS ? 30_000 : fallback });

  const header = <PageHeader title="Overview" description="Health of every cluster's Flux and External Secrets objects, live." />;
  if (!data) {
    return (
      <>
        {header}
        {error ? <ErrorState title="Could not load the overview" message={errorMessage(error)} /> : <Loading label="Loading clusters…" />}
      </>
    );
  }
  if (!data.clusters.length) {
    return (
      <>
        {header}
        <EmptyState title="No clusters configured">Point KUBECONFIG at a kubeconfig; every context becomes a cluster.</EmptyState>
      </>
    );
  }
  const warnings = data.clusters.flatMap((c) => c.warnings.map((w) => ({ cluster: c.id, w })));
  return (
    <>
      {header}
      <div className={`mb-8 grid gap-4 ${data.clusters.length > 1 ? "xl:grid-cols-2" : ""}`}>
        {data.clusters.map((c) => (
          <ClusterCard key={c.id} cluster={c} />
        ))}
      </div>
      <StaleSignoffs />
      <Section title="Needs attention">
        <AttentionList clusters={data.clusters} />
      </Section>
      <Section title="Recent warning events">
        {data.clusters.length === 1 || !warnings.length ? (
          <EventsTable cluster={data.clusters[0].id} events={data.clusters[0].warnings} showObject limit={15} emptyText="No warning events" />
        ) : (
          data.clusters.map((c) => (
            <div key={c.id} className="mb-4">
              <h3 className="mb-1 text-sm font-medium">{c.name}</h3>
              <EventsTable cluster={c.id} events={c.warnings} showObject limit={10} emptyText="No warning events" />
            </div>
          ))
        )}
      </Section>
    </>
  );
}
