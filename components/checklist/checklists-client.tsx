"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/ui/api";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ChecklistSubjectView } from "@/lib/checklist-service/api-types";
import { checklistKeys, checklistListQuery, releasePage } from "./queries";
import { GateBadge, SignoffBadge } from "./status-badge";
import { useChecklistStream } from "./use-checklist-stream";

function ClusterStream({ cluster }: { cluster: string }) {
  useChecklistStream(cluster, {}, () => [checklistKeys.list()]);
  return null;
}

function openItems(s: ChecklistSubjectView): number {
  return s.counts.fail + s.counts.expired + s.counts.warn + s.counts["needs-attestation"];
}

const needsReview = (s: ChecklistSubjectView) => s.signoff.state === "stale" || s.signoff.state === "expired";

/** Every Airflow release across clusters: gate, score, sign-off (stale ones flagged), live. */
export function ChecklistsClient() {
  const { data, error, isPending } = useQuery({ ...checklistListQuery(), refetchInterval: 30_000 });
  if (isPending) return <Loading label="Evaluating Airflow releases…" />;
  if (error || !data)
    return <ErrorState title="Could not load the checklists" message={errorMessage(error ?? "no data")} />;
  const clusters = [...new Set(data.subjects.map((s) => s.cluster))];
  const stale = data.subjects.filter(needsReview);
  return (
    <>
      {clusters.map((c) => (
        <ClusterStream key={c} cluster={c} />
      ))}
      {data.errors.map((e) => (
        <div key={e.cluster} className="mb-3">
          <ErrorState title={`Cluster ${e.cluster} could not be evaluated`} message={e.message} />
        </div>
      ))}
      {stale.length ? (
        <div
          role="alert"
          data-testid="stale-signoffs"
          className="mb-4 rounded-lg border border-orange-400 bg-orange-50 p-3 text-sm text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-100"
        >
          <p className="font-medium">
            ⚠ {stale.length} sign-off{stale.length === 1 ? " needs" : "s need"} a new review
          </p>
          <ul className="mt-1 list-inside list-disc">
            {stale.map((s) => (
              <li key={`${s.cluster}/${s.namespace}/${s.name}`}>
                <Link
                  href={releasePage({ cluster: s.cluster, namespace: s.namespace, release: s.name })}
                  className="underline"
                >
                  {s.cluster}: {s.namespace}/{s.name}
                </Link>{" "}
                — {s.signoff.state}: {s.signoff.reasons.join("; ") || "no reason recorded"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SimpleTable<ChecklistSubjectView>
        caption="Airflow releases and their production-readiness checklists"
        rows={data.subjects}
        rowKey={(s) => `${s.cluster}/${s.namespace}/${s.name}`}
        empty={
          <EmptyState title="No Airflow releases">
            No HelmRelease that deploys the airflow chart is visible to you in any cluster.
          </EmptyState>
        }
        columns={[
          {
            header: "Release",
            cell: (s) => (
              <Link
                href={releasePage({ cluster: s.cluster, namespace: s.namespace, release: s.name })}
                className="font-medium text-blue-800 underline dark:text-blue-300"
                data-testid="checklist-subject-link"
              >
                {s.namespace}/{s.name}
              </Link>
            ),
          },
          { header: "Cluster", cell: (s) => s.cluster },
          {
            header: "Chart",
            cell: (s) => `airflow ${s.chartVersion ?? "?"} · Airflow ${s.airflowMajor}`,
            className: "whitespace-nowrap",
          },
          { header: "Gate", cell: (s) => (s.unsupported ? <span title={s.unsupported} className="font-medium text-amber-800 dark:text-amber-300">Unsupported chart</span> : <GateBadge gate={s.gate} />) },
          { header: "Score", cell: (s) => <span className="font-medium">{s.score}</span> },
          { header: "Open items", cell: (s) => openItems(s) },
          {
            header: "Sign-off",
            cell: (s) => (
              <span title={s.signoff.reasons.join("; ")} className="inline-flex flex-col gap-0.5">
                <SignoffBadge state={s.signoff.state} />
                {s.signoff.signedBy ? <span className="text-xs text-slate-500">by {s.signoff.signedBy}</span> : null}
              </span>
            ),
          },
          { header: "Evaluated", cell: (s) => <TimeAgo iso={s.evaluatedAt} />, className: "whitespace-nowrap" },
        ]}
      />
    </>
  );
}
