// Colours of the health states (always shown together with the word). Tailwind class strings, light + dark.
import type { HealthStatus } from "@/lib/health/types";

export type BadgeStatus = HealthStatus | "Missing";

export const HEALTH_BADGE_CLASSES: Record<BadgeStatus, string> = {
  Healthy: "border-green-300 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200",
  Progressing: "border-blue-300 bg-blue-50 text-blue-800 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200",
  Degraded: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  Suspended: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
  Unknown: "border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200",
  Missing: "border-dashed border-red-400 bg-white text-red-700 dark:border-red-700 dark:bg-slate-950 dark:text-red-300",
};

export const HEALTH_DOT_CLASSES: Record<BadgeStatus, string> = {
  Healthy: "bg-green-600",
  Progressing: "bg-blue-600",
  Degraded: "bg-red-600",
  Suspended: "bg-amber-500",
  Unknown: "bg-slate-400",
  Missing: "bg-red-400",
};

/** A short sentence per status for tooltips and screen readers. */
export const HEALTH_MEANING: Record<BadgeStatus, string> = {
  Healthy: "ready and up to date",
  Progressing: "working towards the desired state",
  Degraded: "failing",
  Suspended: "reconciliation is suspended",
  Unknown: "health cannot be determined",
  Missing: "referenced but does not exist",
};
