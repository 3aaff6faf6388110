// Colours and words of checklist item statuses and sign-off states (colour is never the only signal).
import type { SignoffStateName } from "@/lib/checklist-service/api-types";
import type { ItemStatus } from "@/lib/checklist/types";

export const STATUS_WORD: Record<ItemStatus, string> = {
  pass: "pass",
  fail: "fail",
  warn: "warn",
  "needs-attestation": "needs attestation",
  "not-applicable": "n/a",
  attested: "attested",
  waived: "waived",
  expired: "expired",
};

export const STATUS_CLASSES: Record<ItemStatus, string> = {
  pass: "border-green-300 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200",
  attested: "border-teal-300 bg-teal-50 text-teal-800 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-200",
  waived:
    "border-violet-300 bg-violet-50 text-violet-800 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200",
  warn: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
  "needs-attestation": "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200",
  fail: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  expired:
    "border-orange-400 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-200",
  "not-applicable":
    "border-slate-300 bg-slate-100 text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

export const STATUS_DOT: Record<ItemStatus, string> = {
  pass: "bg-green-600",
  attested: "bg-teal-600",
  waived: "bg-violet-600",
  warn: "bg-amber-500",
  "needs-attestation": "bg-sky-600",
  fail: "bg-red-600",
  expired: "bg-orange-600",
  "not-applicable": "bg-slate-400",
};

/** Statuses that need someone to act. */
export const NEEDS_ACTION: ReadonlySet<ItemStatus> = new Set<ItemStatus>([
  "fail",
  "warn",
  "needs-attestation",
  "expired",
]);

export const SIGNOFF_WORD: Record<SignoffStateName, string> = {
  none: "not reviewed",
  requested: "review requested",
  approved: "signed off",
  rejected: "rejected",
  stale: "stale sign-off",
  expired: "sign-off expired",
};

export const SIGNOFF_CLASSES: Record<SignoffStateName, string> = {
  none: "border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200",
  requested: "border-blue-300 bg-blue-50 text-blue-800 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200",
  approved: "border-green-300 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200",
  rejected: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  stale:
    "border-orange-400 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-200",
  expired:
    "border-orange-400 bg-orange-50 text-orange-900 dark:border-orange-700 dark:bg-orange-950 dark:text-orange-200",
};
