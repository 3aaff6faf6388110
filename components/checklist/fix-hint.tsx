import { CopyButton } from "@/components/ui/copy-button";
import type { Fix } from "@/lib/checklist/types";
import { RichText } from "./rich-text";

/** What to change, with the exact Helm values snippet to merge into the HelmRelease's `spec.values`. */
export function FixHint({ fix }: { fix: Fix }) {
  return (
    <div
      data-testid="item-fix"
      className="rounded border border-amber-200 bg-amber-50/60 p-3 dark:border-amber-900 dark:bg-amber-950/40"
    >
      <h4 className="text-xs font-semibold uppercase tracking-wide text-amber-900 dark:text-amber-200">How to fix</h4>
      <p className="mt-1 text-sm">
        <RichText text={fix.text} />
      </p>
      {fix.valuesSnippet ? (
        <div className="mt-2">
          <div className="mb-1 flex items-center justify-between gap-2">
            <span className="text-xs text-slate-600 dark:text-slate-400">
              Merge into the HelmRelease&apos;s spec.values:
            </span>
            <CopyButton text={fix.valuesSnippet} label="Copy values" />
          </div>
          <pre className="overflow-x-auto rounded bg-slate-900 p-2 font-mono text-xs leading-5 text-slate-100">
            {fix.valuesSnippet}
          </pre>
        </div>
      ) : null}
    </div>
  );
}
