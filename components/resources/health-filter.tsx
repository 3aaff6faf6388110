"use client";

import type { HealthStatus } from "@/lib/health/types";
import { HEALTH_STATUSES } from "@/lib/views/summary";
import { HEALTH_DOT_CLASSES } from "@/components/ui/health-colors";

/** Multi-select of health states as toggle buttons; none selected means any health. */
export function HealthFilter({ value, onChange }: { value: readonly HealthStatus[]; onChange: (next: HealthStatus[]) => void }) {
  function toggle(h: HealthStatus) {
    onChange(value.includes(h) ? value.filter((x) => x !== h) : [...value, h]);
  }
  return (
    <div role="group" aria-label="Health" className="inline-flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-slate-600 dark:text-slate-400">Health</span>
      {HEALTH_STATUSES.map((h) => {
        const on = value.includes(h);
        return (
          <button
            key={h}
            type="button"
            aria-pressed={on}
            onClick={() => toggle(h)}
            className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${
              on
                ? "border-slate-700 bg-slate-800 text-white dark:border-slate-300 dark:bg-slate-200 dark:text-slate-900"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            <span aria-hidden className={`inline-block h-1.5 w-1.5 rounded-full ${HEALTH_DOT_CLASSES[h]}`} />
            {h}
          </button>
        );
      })}
      {value.length ? (
        <button type="button" onClick={() => onChange([])} className="ml-1 text-xs text-blue-800 underline dark:text-blue-300">
          any
        </button>
      ) : null}
    </div>
  );
}
