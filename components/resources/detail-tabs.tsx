import { DependencyGraph } from "@/components/graph/dependency-graph";
import { LogViewer } from "@/components/logs/log-viewer";
import type { TabItem } from "@/components/ui/tabs";
import { Section } from "@/components/ui/section";
import { containerNames } from "@/lib/queries/pods";
import type { ResourceDetail } from "@/lib/views/detail";
import { ConditionsTable } from "./conditions-table";
import { EventsTable } from "./events-table";
import { ExternalSecretSection } from "./external-secret-section";
import { HelmReleaseSection } from "./helm-release-section";
import { KustomizationSection } from "./kustomization-section";
import { PodsSection } from "./pods-section";
import { RootCauseChain } from "./root-cause-chain";
import { YamlView } from "./yaml-view";

const WORKLOADS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]);

function count(label: string, n: number, warn = 0) {
  return (
    <>
      {label} <span className={`ml-1 rounded-full px-1.5 text-xs ${warn ? "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100" : "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300"}`}>{n}</span>
    </>
  );
}

/** The tabs of a detail page: summary (root cause, graph, conditions), the kind's own tab, pods/logs, events, YAML. */
export function detailTabs(cluster: string, d: ResourceDetail): TabItem[] {
  const kind = d.summary.kind;
  const ns = d.summary.namespace;
  const tabs: TabItem[] = [
    {
      id: "summary",
      label: "Summary",
      content: (
        <>
          {d.rootCause.length ? (
            <Section title="Root cause">
              <RootCauseChain cluster={cluster} steps={d.rootCause} />
            </Section>
          ) : null}
          <Section title="Dependency graph">
            <DependencyGraph cluster={cluster} nodes={d.graph.nodes} edges={d.graph.edges} label={`Dependency graph of ${kind} ${d.summary.name}`} />
          </Section>
          <Section title="Conditions">
            <ConditionsTable conditions={d.conditions} generation={d.object.metadata.generation} />
          </Section>
        </>
      ),
    },
  ];
  if (d.helmRelease) tabs.push({ id: "release", label: "Release", content: <HelmReleaseSection cluster={cluster} hr={d.helmRelease} /> });
  if (d.kustomization) tabs.push({ id: "revisions", label: "Revisions & inventory", content: <KustomizationSection cluster={cluster} ks={d.kustomization} /> });
  if (d.externalSecret) tabs.push({ id: "sync", label: "Secret sync", content: <ExternalSecretSection cluster={cluster} namespace={ns} es={d.externalSecret} /> });
  if (kind === "Pod" && ns) {
    const { containers, initContainers } = containerNames(d.object);
    tabs.push({ id: "logs", label: "Logs", content: <LogViewer cluster={cluster} namespace={ns} pod={d.summary.name} containers={containers} initContainers={initContainers} /> });
  } else if (WORKLOADS.has(kind) || d.pods.length) {
    tabs.push({ id: "pods", label: count("Pods & logs", d.pods.length), content: <PodsSection cluster={cluster} object={d.object} pods={d.pods} /> });
  }
  const warnings = d.events.filter((e) => e.type === "Warning").length;
  tabs.push({ id: "events", label: count("Events", d.events.length, warnings), content: <EventsTable cluster={cluster} events={d.events} emptyText="No events for this object" /> });
  tabs.push({ id: "yaml", label: "YAML", content: <YamlView object={d.object} /> });
  return tabs;
}
