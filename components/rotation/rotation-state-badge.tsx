import { STATE_LABEL, type RotationState, type StepState } from "@/lib/rotation/kinds";

const ROTATION_STYLE: Record<RotationState, string> = {
  running: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100",
  waiting: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  "rolling-back": "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
  succeeded: "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100",
  failed: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  "rolled-back": "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
  cancelled: "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
};

const STEP_STYLE: Record<StepState, string> = {
  pending: "border-slate-200 text-slate-500 dark:border-slate-700",
  running: ROTATION_STYLE.running,
  waiting: ROTATION_STYLE.waiting,
  succeeded: ROTATION_STYLE.succeeded,
  failed: ROTATION_STYLE.failed,
  skipped: ROTATION_STYLE.cancelled,
};

const STEP_LABEL: Record<StepState, string> = { pending: "Pending", running: "Running", waiting: "Waiting for you", succeeded: "Done", failed: "Failed", skipped: "Skipped" };

export function RotationStateBadge({ state }: { state: RotationState }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${ROTATION_STYLE[state]}`}>{STATE_LABEL[state]}</span>;
}

export function StepStateBadge({ state }: { state: StepState }) {
  return <span className={`inline-block min-w-[5.5rem] rounded border px-1.5 py-0.5 text-center text-xs font-medium ${STEP_STYLE[state]}`}>{STEP_LABEL[state]}</span>;
}
