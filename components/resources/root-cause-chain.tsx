import { HealthBadge } from "@/components/ui/health-badge";
import type { RootCauseStep } from "@/lib/views/detail";
import { ObjectLink } from "./object-link";

/** The ordered root-cause chain: from this object down to the deepest unhealthy dependency. */
export function RootCauseChain({ cluster, steps }: { cluster: string; steps: readonly RootCauseStep[] }) {
  return (
    <ol className="space-y-2" data-testid="root-cause-chain">
      {steps.map((s, i) => (
        <li key={s.id} className="flex gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
          <span aria-hidden className="w-5 shrink-0 text-right font-mono text-slate-400">
            {i + 1}
          </span>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <HealthBadge status={s.status} />
              {s.status === "Missing" ? (
                <span className="font-medium">
                  {s.kind} {s.namespace ? `${s.namespace}/` : ""}
                  {s.name} <span className="font-normal text-red-700 dark:text-red-300">does not exist</span>
                </span>
              ) : (
                <ObjectLink cluster={cluster} kind={s.kind} resource={s.resource} namespace={s.namespace} name={s.name} className="font-medium" />
              )}
              {s.reason ? <span className="text-slate-500 dark:text-slate-400">{s.reason}</span> : null}
            </div>
            {s.message ? <p className="mt-1 whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">{s.message}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
