import { SimpleTable, type Column } from "@/components/ui/simple-table";
import { EmptyState } from "@/components/ui/empty-state";

/** One audit row as the page shows it (plain strings; the page maps database rows to this). */
export interface AuditRowView {
  id: string;
  at: string;
  actor: string;
  groups: string[];
  action: string;
  target: string;
  outcome: string;
  message: string | null;
  requestId: string;
}

const outcomeClass: Record<string, string> = {
  success: "text-emerald-700 dark:text-emerald-400",
  failure: "text-red-700 dark:text-red-400",
  denied: "text-amber-700 dark:text-amber-400",
};

const columns: Column<AuditRowView>[] = [
  { header: "Time (UTC)", cell: (r) => <time dateTime={r.at}>{r.at.replace("T", " ").slice(0, 19)}</time>, className: "whitespace-nowrap" },
  { header: "User", cell: (r) => <span title={r.groups.join(", ") || undefined}>{r.actor}</span> },
  { header: "Action", cell: (r) => <code className="text-xs">{r.action}</code> },
  { header: "Target", cell: (r) => r.target || "—" },
  { header: "Outcome", cell: (r) => <span className={outcomeClass[r.outcome] ?? ""}>{r.outcome}</span> },
  { header: "Message", cell: (r) => r.message ?? "" },
  { header: "Request", cell: (r) => <code className="text-xs text-slate-500">{r.requestId.slice(0, 8)}</code> },
];

export function AuditTable({ rows }: { rows: readonly AuditRowView[] }) {
  return (
    <SimpleTable
      caption="Audit events, newest first"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      empty={<EmptyState title="No audit events match" />}
    />
  );
}
