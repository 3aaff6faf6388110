import { EmptyState } from "@/components/ui/empty-state";
import { SimpleTable } from "@/components/ui/simple-table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { HelmRecordsView } from "@/lib/views/detail";

const STATUS: Record<string, string> = {
  deployed: "text-green-800 dark:text-green-300",
  superseded: "text-slate-600 dark:text-slate-400",
  failed: "font-medium text-red-700 dark:text-red-300",
};

/** Helm's own release records (newest first): what Helm deployed, with its description; pending changes in words. */
export function HelmRevisionsTable({ helm }: { helm: HelmRecordsView }) {
  const where = `Secrets sh.helm.release.v1.${helm.releaseName}.v* in namespace ${helm.storageNamespace}`;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">From Helm&apos;s release records ({where}).</p>
      {helm.error ? (
        <p role="alert" className="mb-2 text-sm font-medium text-red-700 dark:text-red-300">
          {helm.error}
        </p>
      ) : null}
      {helm.pending.length ? (
        <ul aria-label="Not applied yet" className="mb-2 list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {helm.pending.map((p) => (
            <li key={p}>Not applied yet: {p}</li>
          ))}
        </ul>
      ) : null}
      <SimpleTable
        caption="Helm revisions"
        rows={helm.revisions}
        rowKey={(r) => String(r.revision)}
        empty={<EmptyState title="No Helm release record">{helm.error ? null : `Helm has not stored a revision of ${helm.releaseName} yet.`}</EmptyState>}
        columns={[
          { header: "Revision", className: "text-right font-mono", cell: (r) => r.revision },
          { header: "Status", cell: (r) => <span className={STATUS[r.status] ?? ""}>{r.status || "—"}</span> },
          { header: "Chart", className: "whitespace-nowrap", cell: (r) => r.chartVersion || "—" },
          { header: "App version", cell: (r) => r.appVersion ?? "—" },
          { header: "Description", className: "break-words", cell: (r) => r.description || "—" },
          { header: "Last deployed", className: "whitespace-nowrap", cell: (r) => <TimeAgo iso={r.lastDeployed} /> },
        ]}
      />
    </>
  );
}
