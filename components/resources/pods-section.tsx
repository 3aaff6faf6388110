"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LogViewer } from "@/components/logs/log-viewer";
import { HealthBadge } from "@/components/ui/health-badge";
import { Loading } from "@/components/ui/loading";
import { Section } from "@/components/ui/section";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { KubeObject } from "@/lib/kinds/object";
import { containerNames, restartsOf } from "@/lib/queries/pods";
import { resourceDetailQuery } from "@/lib/queries/resource-queries";
import type { ResourceSummary } from "@/lib/views/summary";
import { ObjectLink } from "./object-link";

/** A workload's pods (status, restarts, age) and the log viewer of the chosen pod. */
export function PodsSection({ cluster, object, pods }: { cluster: string; object: KubeObject; pods: readonly ResourceSummary[] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const pod = pods.find((p) => p.name === chosen) ?? pods[0];
  // The chosen pod's own spec names its containers (a HelmRelease's pods come from several workloads).
  const podDetail = useQuery({ ...resourceDetailQuery(cluster, "pods", pod?.namespace ?? null, pod?.name ?? ""), enabled: !!pod });
  const { containers, initContainers } = containerNames(podDetail.data?.object ?? object);
  return (
    <>
      <Section title={`Pods (${pods.length})`}>
        <SimpleTable
          caption="Pods"
          rows={pods}
          rowKey={(p) => `${p.namespace}/${p.name}`}
          empty={<p className="text-sm text-slate-500">No pods.</p>}
          rowClassName={(p) => (p === pod ? "bg-blue-50 dark:bg-blue-950/40" : "")}
          columns={[
            { header: "Name", cell: (p) => <ObjectLink cluster={cluster} kind="Pod" resource="pods" namespace={p.namespace} name={p.name} label={p.name} /> },
            { header: "Health", cell: (p) => <HealthBadge status={p.health.status} /> },
            { header: "Status", className: "min-w-[12rem]", cell: (p) => <span title={p.health.message}>{p.health.reason}</span> },
            { header: "Restarts", className: "text-right tabular-nums", cell: (p) => restartsOf(p) },
            { header: "Age", className: "whitespace-nowrap", cell: (p) => <TimeAgo iso={p.createdAt} mode="age" /> },
            {
              header: <span className="sr-only">Logs</span>,
              cell: (p) => (
                <button type="button" onClick={() => setChosen(p.name)} aria-pressed={p === pod} className="text-blue-800 underline dark:text-blue-300">
                  logs
                </button>
              ),
            },
          ]}
        />
      </Section>
      {pod?.namespace && !podDetail.isPending ? (
        <LogViewer key={pod.name} cluster={cluster} namespace={pod.namespace} pod={pod.name} containers={containers} initContainers={initContainers} />
      ) : pod ? (
        <Loading label="Loading containers…" />
      ) : null}
    </>
  );
}
