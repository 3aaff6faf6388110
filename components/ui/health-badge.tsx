import { HEALTH_BADGE_CLASSES, HEALTH_DOT_CLASSES, HEALTH_MEANING, type BadgeStatus } from "./health-colors";

interface Props {
  status: BadgeStatus;
  /** Flux Stalled=True: the controller gave up. */
  stalled?: boolean;
  /** The controller has not observed the latest spec yet. */
  stale?: boolean;
  size?: "sm" | "md";
  className?: string;
}

/** Health in colour AND words, with stalled/stale markers; readable without colour. */
export function HealthBadge({ status, stalled, stale, size = "sm", className = "" }: Props) {
  const markers = [stalled ? "stalled" : null, stale ? "spec not yet observed" : null].filter(Boolean);
  const title = `${status}: ${HEALTH_MEANING[status]}${markers.length ? ` (${markers.join(", ")})` : ""}`;
  const pad = size === "md" ? "px-2.5 py-1 text-sm" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap ${className}`} title={title}>
      <span className={`inline-flex items-center gap-1.5 rounded-full border font-medium ${pad} ${HEALTH_BADGE_CLASSES[status]}`} data-health={status}>
        <span aria-hidden className={`inline-block h-1.5 w-1.5 rounded-full ${HEALTH_DOT_CLASSES[status]}`} />
        {status === "Missing" ? "missing" : status}
      </span>
      {stalled ? (
        <span className="rounded border border-red-400 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-red-700 dark:border-red-700 dark:text-red-300">
          stalled
        </span>
      ) : null}
      {stale ? (
        <span className="rounded border border-slate-300 px-1.5 py-0.5 text-[11px] text-slate-600 dark:border-slate-600 dark:text-slate-300" title="The controller has not observed the latest generation yet">
          pending
        </span>
      ) : null}
    </span>
  );
}
