import { TimeAgo } from "@/components/ui/time-ago";
import type { RotationStepView } from "@/lib/rotation/view";
import { StepStateBadge } from "./rotation-state-badge";

/** The journal: forward steps, then the rollback steps when a rollback ran; who a step ran as when not the creator. */
export function StepList({ steps, createdBy }: { steps: RotationStepView[]; createdBy: string }) {
  const rollbackStart = steps.findIndex((s) => s.phase === "rollback");
  return (
    <ol className="flex flex-col gap-2" aria-label="Rotation steps">
      {steps.map((s, i) => (
        <li key={s.index} data-testid="rotation-step" data-step={s.name} data-state={s.state} className="rounded border border-slate-200 p-2 dark:border-slate-800">
          {i === rollbackStart ? <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">Rollback</p> : null}
          <div className="flex flex-wrap items-center gap-2">
            <StepStateBadge state={s.state} />
            <span className="font-medium">{s.title}</span>
            <span className="font-mono text-xs text-slate-500">{s.name}</span>
            {s.actedBy !== createdBy ? (
              <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="step-acted-by">
                as {s.actedBy}
              </span>
            ) : null}
            {s.state !== "pending" ? (
              <span className="ml-auto text-xs text-slate-500">
                <TimeAgo iso={s.at} />
              </span>
            ) : null}
          </div>
          {s.message ? <p className="mt-1 break-words text-sm text-slate-700 dark:text-slate-300">{s.message}</p> : null}
        </li>
      ))}
    </ol>
  );
}
