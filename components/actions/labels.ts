// Words and colours of actions and operation states in the UI.
import { ACTIONS, type ActionName } from "@/lib/actions/catalog";
import type { OperationState } from "@/lib/actions/types";

export function actionLabel(action: ActionName, opts: { recommended?: boolean; withSource?: boolean } = {}): string {
  if (action === "reset" && opts.recommended) return "Reset and retry";
  if (action === "reconcile" && opts.withSource) return "Reconcile with source";
  return ACTIONS[action].label;
}

export const STATE_LABEL: Record<OperationState, string> = {
  requested: "Requested",
  acknowledged: "Acknowledged",
  reconciling: "Reconciling",
  succeeded: "Succeeded",
  failed: "Failed",
  "timed-out": "Timed out",
};

export const STATE_STYLE: Record<OperationState, string> = {
  requested: "border-slate-300 bg-slate-100 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100",
  acknowledged: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100",
  reconciling: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-700 dark:bg-blue-950 dark:text-blue-100",
  succeeded: "border-green-300 bg-green-50 text-green-900 dark:border-green-700 dark:bg-green-950 dark:text-green-100",
  failed: "border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100",
  "timed-out": "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
};

/** The states an operation walks through, for the progress strip. */
export const PROGRESS_PATH: OperationState[] = ["requested", "acknowledged", "reconciling"];
