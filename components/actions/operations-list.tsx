"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { api, errorMessage } from "@/components/ui/api";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Loading } from "@/components/ui/loading";
import { TimeAgo } from "@/components/ui/time-ago";
import { ACTION_NAMES, type ActionName } from "@/lib/actions/catalog";
import { OPERATION_STATES, type OperationState } from "@/lib/actions/types";
import type { OperationView } from "@/lib/actions/view";
import { clustersQuery } from "@/lib/queries/cluster-queries";
import { detailHref } from "@/lib/views/detail";
import { actionKeys, operationsQuery } from "./action-queries";
import { actionLabel, STATE_LABEL } from "./labels";
import { OperationProgress } from "./operation-progress";
import { OperationStateBadge } from "./operation-state-badge";
import { Toaster } from "./toaster";

const SELECT = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

function Filter({ label, value, options, onChange }: { label: string; value: string; options: Array<[string, string]>; onChange: (v: string) => void }) {
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="text-slate-600 dark:text-slate-400">{label}</span>
      <select className={SELECT} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

function Selected({ id }: { id: string }) {
  const q = useQuery({ queryKey: actionKeys.operation(id), queryFn: ({ signal }) => api<{ operation: OperationView }>(`/api/v1/operations/${encodeURIComponent(id)}`, { signal }).then((r) => r.operation) });
  if (q.isPending) return <Loading label="Loading the operation…" />;
  if (q.isError) return <ErrorState title="Could not load the operation" message={errorMessage(q.error)} />;
  return <OperationProgress key={q.data.id} operation={q.data} showTarget />;
}

function Row({ op, onSelect }: { op: OperationView; onSelect: (id: string) => void }) {
  const t = op.target;
  return (
    <tr className="border-t border-slate-200 align-top dark:border-slate-800" data-testid="operation-row" data-state={op.state}>
      <td className="whitespace-nowrap px-2 py-1.5">
        <TimeAgo iso={op.startedAt} />
      </td>
      <td className="px-2 py-1.5">
        <button type="button" className="text-blue-800 hover:underline dark:text-blue-300" onClick={() => onSelect(op.id)}>
          {actionLabel(op.action, { withSource: op.withSource })}
        </button>
      </td>
      <td className="px-2 py-1.5 font-mono text-xs">
        <Link href={detailHref(op.cluster, t.resource, t.namespace, t.name)} className="hover:underline">
          {t.kind} {t.namespace ? `${t.namespace}/` : ""}
          {t.name}
        </Link>
        <div className="text-slate-500">{op.cluster}</div>
      </td>
      <td className="px-2 py-1.5">{op.user}</td>
      <td className="px-2 py-1.5">
        <OperationStateBadge state={op.state} />
      </td>
      <td className="max-w-md break-words px-2 py-1.5 text-slate-700 dark:text-slate-300">{op.message}</td>
    </tr>
  );
}

/** Recent operations with filters (cluster, state, action), live while any is in flight; ?id= opens one. */
export function OperationsList() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const cluster = params.get("cluster") ?? "";
  const state = (params.get("state") ?? "") as OperationState | "";
  const action = (params.get("action") ?? "") as ActionName | "";
  const selected = params.get("id");
  const clusters = useQuery(clustersQuery());
  const list = useQuery(operationsQuery({ cluster: cluster || undefined, state, action }));

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}?${next.toString()}`);
  };

  return (
    <div className="flex flex-col gap-4">
      {selected ? <Selected id={selected} /> : null}
      <div className="flex flex-wrap gap-3" role="group" aria-label="Filters">
        <Filter label="Cluster" value={cluster} options={(clusters.data?.clusters ?? []).map((c) => [c.id, c.name || c.id])} onChange={(v) => setParam("cluster", v)} />
        <Filter label="State" value={state} options={OPERATION_STATES.map((s) => [s, STATE_LABEL[s]])} onChange={(v) => setParam("state", v)} />
        <Filter label="Action" value={action} options={ACTION_NAMES.map((a) => [a, actionLabel(a)])} onChange={(v) => setParam("action", v)} />
      </div>
      {list.isPending ? <Loading label="Loading operations…" /> : null}
      {list.isError ? <ErrorState title="Could not load operations" message={errorMessage(list.error)} /> : null}
      {list.data && list.data.operations.length === 0 ? (
        <EmptyState title="No operations">Actions you or your colleagues take appear here with their progress.</EmptyState>
      ) : null}
      {list.data && list.data.operations.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="px-2 py-1">Started</th>
                <th className="px-2 py-1">Action</th>
                <th className="px-2 py-1">Target</th>
                <th className="px-2 py-1">By</th>
                <th className="px-2 py-1">State</th>
                <th className="px-2 py-1">Message</th>
              </tr>
            </thead>
            <tbody>
              {list.data.operations.map((op) => (
                <Row key={op.id} op={op} onSelect={(id) => setParam("id", id)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Toaster />
    </div>
  );
}
