"use client";

import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";
import { isTerminal } from "@/lib/actions/types";
import type { OperationView } from "@/lib/actions/view";
import { actionLabel, PROGRESS_PATH, STATE_LABEL, STATE_STYLE } from "./labels";
import { OperationStateBadge } from "./operation-state-badge";
import { useOperation } from "./use-operation";

function Strip({ op }: { op: OperationView }) {
  const reached = PROGRESS_PATH.indexOf(op.state);
  const final = isTerminal(op.state);
  return (
    <ol className="flex flex-wrap items-center gap-1 text-xs" aria-label="Progress">
      {PROGRESS_PATH.map((s, i) => {
        const done = final || i <= reached;
        return (
          <li key={s} className={`rounded px-1.5 py-0.5 ${done ? "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100" : "bg-slate-100 text-slate-500 dark:bg-slate-800"}`}>
            {STATE_LABEL[s]}
            {i < PROGRESS_PATH.length - 1 || final ? <span aria-hidden> →</span> : null}
          </li>
        );
      })}
      {final ? <li className={`rounded border px-1.5 py-0.5 font-medium ${STATE_STYLE[op.state]}`}>{STATE_LABEL[op.state]}</li> : null}
    </ol>
  );
}

function target(op: OperationView): string {
  return `${op.target.kind} ${op.target.namespace ? `${op.target.namespace}/` : ""}${op.target.name}`;
}

/** Live progress of one operation (requested → acknowledged → reconciling → succeeded | failed | timed out). */
export function OperationProgress({ operation, onFinish, showTarget = false }: { operation: OperationView; onFinish?: (op: OperationView) => void; showTarget?: boolean }) {
  const { op, error } = useOperation(operation, onFinish);
  return (
    <section
      aria-label={`${actionLabel(op.action, { withSource: op.withSource })} progress`}
      data-testid="operation-progress"
      data-operation-id={op.id}
      data-state={op.state}
      className="rounded border border-slate-200 p-3 text-sm dark:border-slate-700"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{actionLabel(op.action, { withSource: op.withSource })}</span>
        {showTarget ? <span className="font-mono text-xs">{target(op)}</span> : null}
        <OperationStateBadge state={op.state} />
        <span className="text-xs text-slate-500">
          by {op.user}, <TimeAgo iso={op.startedAt} />
        </span>
        <Link href={`/operations?id=${encodeURIComponent(op.id)}`} className="ml-auto text-xs text-blue-700 hover:underline dark:text-blue-300">
          Details
        </Link>
      </div>
      <div className="mt-2">
        <Strip op={op} />
      </div>
      <p className="mt-2 break-words" data-testid="operation-message" aria-live="polite">
        {op.message}
      </p>
      {op.steps.length > 1 ? (
        <ol className="mt-2 space-y-1 text-xs">
          {op.steps.map((s) => (
            <li key={`${s.resource}/${s.namespace}/${s.name}`} className="flex flex-wrap gap-2">
              <OperationStateBadge state={s.state} />
              <span className="font-mono">
                {s.kind} {s.namespace ? `${s.namespace}/` : ""}
                {s.name}
              </span>
              <span className="text-slate-600 dark:text-slate-400">{s.message}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </section>
  );
}
