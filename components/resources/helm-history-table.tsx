import { EmptyState } from "@/components/ui/empty-state";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";

type Entry = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" || typeof v === "number" ? String(v) : "");

const STATUS: Record<string, string> = {
  deployed: "text-green-800 dark:text-green-300",
  superseded: "text-slate-600 dark:text-slate-400",
  failed: "font-medium text-red-700 dark:text-red-300",
};

/** status.history of a HelmRelease (newest first): revision, status, chart, app version, deploy times. */
export function HelmHistoryTable({ history }: { history: readonly Entry[] }) {
  return (
    <SimpleTable
      caption="Release history"
      rows={history}
      rowKey={(h, i) => `${str(h.version)}-${i}`}
      empty={<EmptyState title="No release history yet" />}
      columns={[
        { header: "Revision", className: "text-right font-mono", cell: (h) => str(h.version) || "—" },
        { header: "Status", cell: (h) => <span className={STATUS[str(h.status)] ?? ""}>{str(h.status) || "—"}</span> },
        { header: "Chart", className: "whitespace-nowrap", cell: (h) => `${str(h.chartName)}${h.chartVersion ? `@${str(h.chartVersion)}` : ""}` || "—" },
        { header: "App version", cell: (h) => str(h.appVersion) || "—" },
        { header: "Action", cell: (h) => str(h.action) || "—" },
        { header: "First deployed", className: "whitespace-nowrap", cell: (h) => <TimeAgo iso={str(h.firstDeployed) || null} /> },
        { header: "Last deployed", className: "whitespace-nowrap", cell: (h) => <TimeAgo iso={str(h.lastDeployed) || null} /> },
        { header: "Config digest", className: "font-mono text-xs", cell: (h) => (str(h.configDigest) ? <span title={str(h.configDigest)}>{str(h.configDigest).slice(0, 19)}…</span> : "—") },
      ]}
    />
  );
}
