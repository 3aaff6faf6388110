import Link from "next/link";
import { Fragment } from "react";
import { rootCauseMessage, rootCauseSegments } from "@/lib/queries/root-cause";
import type { RootCauseStep } from "@/lib/views/detail";

/**
 * One line: "HelmRelease airflow → Secret airflow-metadata (missing) → ExternalSecret airflow-metadata: could not
 * get secret data from provider". Every existing step links to its page; missing objects have none.
 */
export function RootCauseLine({ cluster, steps }: { cluster: string; steps: readonly RootCauseStep[] }) {
  if (!steps.length) return null;
  const segments = rootCauseSegments(cluster, steps);
  const message = rootCauseMessage(steps);
  return (
    <p className="text-sm leading-6" data-testid="root-cause-line">
      {segments.map((s, i) => (
        <Fragment key={s.key}>
          {i > 0 ? <span aria-label="depends on" className="px-1 text-slate-400"> → </span> : null}
          {s.href ? (
            <Link href={s.href} className={`hover:underline ${s.status === "Degraded" ? "text-red-800 dark:text-red-300" : "text-blue-800 dark:text-blue-300"}`}>
              {s.label}
            </Link>
          ) : (
            <span className="font-medium text-red-700 dark:text-red-300">{s.label}</span>
          )}
        </Fragment>
      ))}
      {message ? <span className="text-slate-700 dark:text-slate-300">: {message}</span> : null}
    </p>
  );
}
