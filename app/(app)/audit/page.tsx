import { AuditFilterForm, type AuditFilterValues } from "@/components/audit/audit-filter-form";
import { AuditTable, type AuditRowView } from "@/components/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterSchema, toAuditQuery } from "@/lib/audit/filters";
import { listVisibleAuditEvents } from "@/lib/audit/visible";
import { requirePageUser } from "@/lib/auth/page-user";

export const metadata = { title: "Audit" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

const FILTER_KEYS = ["user", "action", "target", "outcome", "from", "to"] as const;

function firstValues(search: Search): AuditFilterValues {
  const out: AuditFilterValues = {};
  for (const k of FILTER_KEYS) {
    const v = search[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[k] = s.slice(0, 256);
  }
  return out;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageUser();
  const values = firstValues(await searchParams);
  const parsed = auditFilterSchema.safeParse(values);
  const result = parsed.success ? await listVisibleAuditEvents(user, toAuditQuery(parsed.data)) : { events: [], scope: "all" as const, complete: true };
  const rows = result.events;
  const view: AuditRowView[] = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    groups: r.groups,
    action: r.action,
    target: [r.cluster, r.resource, r.namespace, r.name].filter(Boolean).join("/"),
    outcome: r.outcome,
    message: r.message,
    requestId: r.requestId,
  }));
  const csvQuery = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
  csvQuery.set("format", "csv");
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every sign-in, sign-out, failed sign-in, token change and action, newest first. Append-only: nothing here can be edited or deleted."
      />
      {result.scope === "yours" ? (
        <p data-testid="audit-scope" className="mb-3 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          You see the rows about objects you may read in each cluster and about yourself (your sign-ins and API tokens). The
          full log needs the admin role.
          {result.complete ? null : " Only the newest part of the log was searched: narrow the filters to look further back."}
        </p>
      ) : null}
      <AuditFilterForm values={values} csvHref={`/api/v1/audit?${csvQuery.toString()}`} />
      {parsed.success ? (
        <AuditTable rows={view} />
      ) : (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Invalid filter: {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
        </p>
      )}
      {rows.length >= 200 ? <p className="mt-2 text-xs text-slate-500">Showing the newest 200 matches; narrow the filters or export CSV for more.</p> : null}
    </>
  );
}
