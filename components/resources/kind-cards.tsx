import Link from "next/link";
import { HEALTH_DOT_CLASSES } from "@/components/ui/health-colors";
import type { HealthStatus } from "@/lib/health/types";
import { kindsByFamily, pluralKind } from "@/lib/queries/list-kinds";
import { HEALTH_STATUSES } from "@/lib/views/summary";

/** Every list kind as a link card with its total and a per-health breakdown. */
export function KindCards({ cluster, counts }: { cluster: string; counts: Record<string, Record<HealthStatus, number>> }) {
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <div className="mb-8 space-y-5">
      {kindsByFamily().map((g) => (
        <section key={g.family} aria-labelledby={`family-${g.family}`}>
          <h2 id={`family-${g.family}`} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {g.label}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
            {g.kinds.map((k) => {
              const c = counts[k.resource];
              const total = c ? HEALTH_STATUSES.reduce((n, h) => n + (c[h] ?? 0), 0) : 0;
              return (
                <li key={k.resource}>
                  <Link
                    href={`${base}/${k.resource}`}
                    className="block rounded-lg border border-slate-200 bg-white p-3 hover:border-blue-400 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-blue-700"
                  >
                    <span className="flex items-baseline justify-between gap-2">
                      <span className="font-medium">{pluralKind(k.kind)}</span>
                      <span className="tabular-nums text-slate-600 dark:text-slate-400">{total}</span>
                    </span>
                    <span className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400">
                      {HEALTH_STATUSES.filter((h) => (c?.[h] ?? 0) > 0).map((h) => (
                        <span key={h} className="inline-flex items-center gap-1">
                          <span aria-hidden className={`inline-block h-1.5 w-1.5 rounded-full ${HEALTH_DOT_CLASSES[h]}`} />
                          {c?.[h]} {h}
                        </span>
                      ))}
                      {total === 0 ? <span>none visible</span> : null}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
