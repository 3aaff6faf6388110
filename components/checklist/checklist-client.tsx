"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { errorMessage } from "@/components/ui/api";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs } from "@/components/ui/tabs";
import { isNotFound } from "@/lib/queries/retry";
import { detailHref } from "@/lib/views/detail";
import { ExportLinks } from "./export-links";
import { GateBanner } from "./gate-banner";
import { HistoryTimeline } from "./history-timeline";
import { ItemGroups } from "./item-groups";
import { checklistKeys, checklistQuery, type ReleaseRef } from "./queries";
import { ReevaluateButton } from "./reevaluate-button";
import { SignoffPanel } from "./signoff-panel";
import { useChecklistStream } from "./use-checklist-stream";
import { WaiversTab } from "./waivers-table";

/** The checklist of one Airflow release: gate, score, sign-off, items by part, history, waivers; live. */
export function ChecklistClient({ releaseRef }: { releaseRef: ReleaseRef }) {
  const live = useChecklistStream(
    releaseRef.cluster,
    { namespace: releaseRef.namespace, release: releaseRef.release },
    () => [checklistKeys.release(releaseRef)],
  );
  const { data, error, isPending } = useQuery({
    ...checklistQuery(releaseRef),
    refetchInterval: live === "down" ? 15_000 : false,
  });
  const [tab, setTab] = useState("items");
  const label = `${releaseRef.namespace}/${releaseRef.release}`;

  if (isPending) return <Loading label={`Evaluating ${label}…`} />;
  if (error && isNotFound(error) && !data) {
    return (
      <EmptyState title={`No Airflow release ${label} in ${releaseRef.cluster}`}>
        It does not exist, does not deploy the airflow chart, or your Kubernetes permissions do not let you see it.{" "}
        <Link href="/checklists" className="text-blue-800 underline dark:text-blue-300">
          All checklists
        </Link>
      </EmptyState>
    );
  }
  if (error && !data) return <ErrorState title={`Could not evaluate ${label}`} message={errorMessage(error)} />;
  if (!data) return null;

  const r = data.release;
  const waitingWaivers = data.waivers.filter((w) => w.effect === "unapproved").length;
  return (
    <>
      <PageHeader
        title={`${r.namespace}/${r.name}`}
        description={
          <>
            Production readiness ·{" "}
            <Link
              href={detailHref(data.cluster, "helmreleases", r.namespace, r.name)}
              className="text-blue-800 underline dark:text-blue-300"
            >
              HelmRelease
            </Link>{" "}
            in cluster {data.cluster} · chart airflow {r.chartVersion ?? "unknown"} · Airflow {r.airflowMajor}
            {data.facts.helmRevision !== undefined ? ` · Helm revision ${data.facts.helmRevision}` : ""}
          </>
        }
        actions={
          <>
            {data.permissions.evaluate ? <ReevaluateButton releaseRef={releaseRef} /> : null}
            <ExportLinks releaseRef={releaseRef} />
          </>
        }
      />
      {error ? (
        <div className="mb-3">
          <ErrorState title="Could not refresh (showing the last result)" message={errorMessage(error)} />
        </div>
      ) : null}
      {data.cache.status === "stale" ? (
        <p className="mb-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          The cluster is unreachable{data.cache.staleSince ? ` since ${data.cache.staleSince}` : ""}: results use its
          last known state.
        </p>
      ) : null}
      {data.unsupported ? (
        <p
          role="alert"
          data-testid="unsupported-chart"
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm font-medium text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          {data.unsupported}
        </p>
      ) : null}
      <GateBanner data={data} live={live} />
      <SignoffPanel data={data} releaseRef={releaseRef} />
      <Tabs
        label="Checklist"
        active={tab}
        onChange={setTab}
        tabs={[
          {
            id: "items",
            label: `Items (${data.items.length})`,
            content: <ItemGroups data={data} releaseRef={releaseRef} />,
          },
          { id: "history", label: "History", content: <HistoryTimeline releaseRef={releaseRef} /> },
          {
            id: "waivers",
            label: `Waivers (${data.waivers.length}${waitingWaivers ? `, ${waitingWaivers} waiting` : ""})`,
            content: <WaiversTab data={data} releaseRef={releaseRef} />,
          },
        ]}
      />
    </>
  );
}
