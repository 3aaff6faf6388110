"use client";

import { useQuery } from "@tanstack/react-query";
import { HealthCountsGrid } from "@/components/overview/health-counts-grid";
import { AttentionList } from "@/components/overview/attention-list";
import { usePollFallback } from "@/components/live/use-poll-fallback";
import { errorMessage } from "@/components/ui/api";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { overviewQuery } from "@/lib/queries/cluster-queries";
import { KindCards } from "./kind-cards";

/** A cluster's landing page: every list kind with its counts, and what needs attention there. */
export function ClusterLandingClient({ cluster }: { cluster: string }) {
  const fallback = usePollFallback([cluster]);
  const { data, error } = useQuery({ ...overviewQuery(), refetchInterval: fallback });
  const header = <PageHeader title={cluster} description="Objects by kind and health. Pick a kind to see its list." />;
  if (!data) {
    return (
      <>
        {header}
        {error ? <ErrorState title="Could not load the cluster" message={errorMessage(error)} /> : <Loading label="Loading counts…" />}
      </>
    );
  }
  const c = data.clusters.find((x) => x.id === cluster);
  if (!c) return (<>{header}<ErrorState title="Cluster not found" message={`No cluster "${cluster}" in the kubeconfig.`} /></>);
  return (
    <>
      {header}
      <KindCards cluster={cluster} counts={c.counts} />
      <Section title="Needs attention">
        <AttentionList clusters={[c]} />
      </Section>
      <details className="mb-6">
        <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-400">Counts as a table</summary>
        <div className="mt-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <HealthCountsGrid cluster={cluster} counts={c.counts} showEmpty />
        </div>
      </details>
    </>
  );
}
