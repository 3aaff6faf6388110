/** Marks an object whose reconciliation is suspended (shown next to its health). */
export function SuspendedBadge({ title }: { title?: string }) {
  return (
    <span
      title={title ?? "Reconciliation is suspended"}
      className="inline-flex items-center rounded border border-amber-400 bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      suspended
    </span>
  );
}
