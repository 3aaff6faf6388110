import Link from "next/link";
import type { HealthStatus } from "@/lib/health/types";
import { LIST_KINDS, pluralKind } from "@/lib/queries/list-kinds";
import { HEALTH_STATUSES } from "@/lib/views/summary";
import { HEALTH_DOT_CLASSES } from "@/components/ui/health-colors";

const CELL_TEXT: Record<HealthStatus, string> = {
  Healthy: "text-green-800 dark:text-green-300",
  Progressing: "text-blue-800 dark:text-blue-300",
  Degraded: "font-semibold text-red-700 dark:text-red-300",
  Suspended: "text-amber-800 dark:text-amber-300",
  Unknown: "text-slate-700 dark:text-slate-300",
};

type Counts = Record<string, Record<HealthStatus, number>>;

function total(c: Record<HealthStatus, number> | undefined): number {
  return c ? HEALTH_STATUSES.reduce((n, h) => n + (c[h] ?? 0), 0) : 0;
}

/** Kinds × health counts; every non-zero count links to the list filtered by that health. */
export function HealthCountsGrid({ cluster, counts, showEmpty = false }: { cluster: string; counts: Counts; showEmpty?: boolean }) {
  const rows = LIST_KINDS.filter((k) => showEmpty || total(counts[k.resource]) > 0);
  if (!rows.length) return <p className="text-sm text-slate-500">No objects visible in this cluster.</p>;
  const base = `/clusters/${encodeURIComponent(cluster)}`;
  return (
    <table className="w-full max-w-3xl text-sm tabular-nums">
      <caption className="sr-only">Objects by kind and health in {cluster}</caption>
      <thead>
        <tr className="text-xs text-slate-500 dark:text-slate-400">
          <th scope="col" className="py-1 text-left font-medium">
            Kind
          </th>
          {HEALTH_STATUSES.map((h) => (
            <th key={h} scope="col" className="px-1 py-1 text-right font-medium" title={h}>
              <span className="inline-flex items-center gap-1">
                <span aria-hidden className={`inline-block h-1.5 w-1.5 rounded-full ${HEALTH_DOT_CLASSES[h]}`} />
                {h}
              </span>
            </th>
          ))}
          <th scope="col" className="py-1 pl-2 text-right font-medium">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((k) => {
          const c = counts[k.resource];
          return (
            <tr key={k.resource} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 text-left font-normal">
                <Link href={`${base}/${k.resource}`} className="text-blue-800 hover:underline dark:text-blue-300">
                  {pluralKind(k.kind)}
                </Link>
              </th>
              {HEALTH_STATUSES.map((h) => {
                const n = c?.[h] ?? 0;
                return (
                  <td key={h} className="px-1 py-1 text-right">
                    {n > 0 ? (
                      <Link href={`${base}/${k.resource}?health=${h}`} className={`hover:underline ${CELL_TEXT[h]}`} aria-label={`${n} ${h} ${pluralKind(k.kind)}`}>
                        {n}
                      </Link>
                    ) : (
                      <span className="text-slate-300 dark:text-slate-700">·</span>
                    )}
                  </td>
                );
              })}
              <td className="py-1 pl-2 text-right text-slate-600 dark:text-slate-400">{total(c)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
