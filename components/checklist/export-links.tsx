import Link from "next/link";
import { releasePage, releasePath, type ReleaseRef } from "./queries";

const LINK =
  "inline-flex items-center rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

/** CHECKLIST.md, JSON (the CI-gate shape) and the print-friendly page. */
export function ExportLinks({ releaseRef }: { releaseRef: ReleaseRef }) {
  const base = releasePath(releaseRef);
  return (
    <span className="inline-flex flex-wrap gap-2" aria-label="Export">
      <a href={`${base}/export.md`} className={LINK} download data-testid="export-md">
        CHECKLIST.md
      </a>
      <a href={`${base}/export.json`} className={LINK} download>
        JSON
      </a>
      <Link href={`${releasePage(releaseRef)}/print`} className={LINK}>
        Print view
      </Link>
    </span>
  );
}
