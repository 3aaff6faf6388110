"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { ResourceActions } from "@/components/actions";
import { usePollFallback } from "@/components/live/use-poll-fallback";
import { errorMessage } from "@/components/ui/api";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { Tabs, type TabItem } from "@/components/ui/tabs";
import { resourceInfo } from "@/lib/kinds/registry";
import { pluralKind } from "@/lib/queries/list-kinds";
import { resourceDetailQuery } from "@/lib/queries/resource-queries";
import { isNotFound } from "@/lib/queries/retry";
import { DetailHeader } from "./detail-header";
import { detailTabs } from "./detail-tabs";
import { HealthExplanation } from "./health-explanation";

interface Props {
  cluster: string;
  resource: string;
  namespace: string | null;
  name: string;
}

export function ResourceDetailClient({ cluster, resource, namespace, name }: Props) {
  const fallback = usePollFallback([cluster]);
  const { data, error, isPending } = useQuery({ ...resourceDetailQuery(cluster, resource, namespace, name), refetchInterval: fallback });
  const params = useSearchParams();
  const kind = resourceInfo(resource)?.kind ?? resource;
  const label = `${kind} ${namespace ? `${namespace}/` : ""}${name}`;

  if (isPending) return <Loading label={`Loading ${label}…`} />;
  if (error && isNotFound(error) && !data) {
    return (
      <EmptyState title={`${label} not found`}>
        It does not exist (it may have been deleted), or your Kubernetes permissions do not let you see it.{" "}
        <a href={`/clusters/${encodeURIComponent(cluster)}/${resource}`} className="text-blue-800 underline dark:text-blue-300">
          All {pluralKind(kind)}
        </a>
      </EmptyState>
    );
  }
  if (error && !data) return <ErrorState title={`Could not load ${label}`} message={errorMessage(error)} />;
  if (!data) return null;

  const tabs: TabItem[] = detailTabs(cluster, data);
  const active = params.get("tab") ?? "summary";
  // The tab is kept in the URL (deep links) without a server round trip: Next.js syncs useSearchParams with it.
  const setTab = (id: string) => {
    const url = new URL(window.location.href);
    if (id === "summary") url.searchParams.delete("tab");
    else url.searchParams.set("tab", id);
    window.history.replaceState(null, "", url);
  };

  return (
    <>
      {error ? (
        <div className="mb-3">
          <ErrorState title={isNotFound(error) ? "This object no longer exists (showing its last known state)" : "Could not refresh"} message={errorMessage(error)} />
        </div>
      ) : null}
      <DetailHeader detail={data} />
      <div className="mb-4">
        <ResourceActions cluster={cluster} resource={data.summary.resource} namespace={data.summary.namespace ?? undefined} name={data.summary.name} />
      </div>
      <HealthExplanation detail={data} />
      <Tabs label={`Details of ${label}`} tabs={tabs} active={active} onChange={setTab} />
    </>
  );
}
