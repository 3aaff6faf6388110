import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/page-user";
import { getDb } from "@/lib/db/client";

export const metadata = { title: "Audit" };

export default async function AuditPage() {
  await requirePageUser();
  const db = await getDb();
  const rows = await db.auditEvent.findMany({ orderBy: { at: "desc" }, take: 100 });
  return (
    <>
      <PageHeader title="Audit" description="Every sign-in, sign-out and change, newest first (append-only)." />
      {rows.length === 0 ? (
        <EmptyState title="No audit events yet" />
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th className="py-2">Time</th>
              <th className="py-2">User</th>
              <th className="py-2">Action</th>
              <th className="py-2">Target</th>
              <th className="py-2">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 dark:border-slate-900">
                <td className="py-1.5">{r.at.toISOString()}</td>
                <td className="py-1.5">{r.actor}</td>
                <td className="py-1.5">{r.action}</td>
                <td className="py-1.5">{[r.cluster, r.resource, r.namespace, r.name].filter(Boolean).join("/") || "—"}</td>
                <td className="py-1.5">{r.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
