import { Section } from "@/components/ui/section";
import { SimpleTable } from "@/components/ui/simple-table";
import type { HelmReleaseDetail } from "@/lib/views/detail";
import { HelmHistoryTable } from "./helm-history-table";
import { HelmRevisionsTable } from "./helm-revisions-table";
import { InventoryList } from "./inventory-list";
import { KeyValues } from "./key-values";
import { YamlBlock } from "./yaml-view";

function Counter({ n }: { n: number }) {
  return <span className={n > 0 ? "font-semibold text-red-700 dark:text-red-300" : ""}>{n}</span>;
}

/** HelmRelease specifics: chart, failure counters, history, resolved values (Secret values masked), inventory. */
export function HelmReleaseSection({ cluster, hr }: { cluster: string; hr: HelmReleaseDetail }) {
  const masked = hr.valuesSources.some((s) => s.masked);
  return (
    <>
      <Section title="Release">
        <KeyValues
          items={[
            { label: "Chart", value: hr.chart ? `${hr.chart}${hr.chartVersion ? ` ${hr.chartVersion}` : ""}` : "—" },
            { label: "Failures", value: <Counter n={hr.failures.failures} /> },
            { label: "Install failures", value: <Counter n={hr.failures.installFailures} /> },
            { label: "Upgrade failures", value: <Counter n={hr.failures.upgradeFailures} /> },
          ]}
        />
      </Section>
      <Section title="Helm revisions">
        <HelmRevisionsTable helm={hr.helm} />
      </Section>
      <Section title="History (helm-controller snapshots)">
        <HelmHistoryTable history={hr.history} />
      </Section>
      <Section title="Resolved values">
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
          valuesFrom merged in order, then spec.values.
          {masked ? " Values read from Secrets are shown as ••••••." : ""}
        </p>
        {hr.valuesSources.length ? (
          <div className="mb-3">
            <SimpleTable
              caption="Values sources"
              rows={hr.valuesSources}
              rowKey={(s, i) => `${s.kind}/${s.name}/${s.key}/${i}`}
              columns={[
                { header: "Order", className: "w-14 text-right", cell: (s) => hr.valuesSources.indexOf(s) + 1 },
                { header: "Source", cell: (s) => `${s.kind} ${s.name}` },
                { header: "Key", className: "font-mono text-xs", cell: (s) => s.key },
                {
                  header: "Found",
                  cell: (s) => (s.found ? "yes" : <span className="font-medium text-red-700 dark:text-red-300">missing</span>),
                },
                { header: "Masked", cell: (s) => (s.masked ? "yes (Secret)" : "no") },
              ]}
            />
          </div>
        ) : null}
        <YamlBlock value={hr.values} label="Resolved Helm values" />
      </Section>
      <Section title={`Inventory (${hr.inventory.length})`}>
        <InventoryList cluster={cluster} entries={hr.inventory} />
      </Section>
    </>
  );
}
