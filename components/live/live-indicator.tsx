"use client";

import { useLiveState } from "./use-live-state";

const TEXT = {
  idle: { label: "Not live", dot: "bg-slate-400", note: "" },
  connecting: { label: "Connecting…", dot: "bg-slate-400 animate-pulse", note: "" },
  open: { label: "Live", dot: "bg-green-600", note: "changes appear as they happen" },
  down: { label: "Reconnecting…", dot: "bg-amber-500 animate-pulse", note: "live updates paused; refreshing every 15 s" },
  "signed-out": { label: "Signed out", dot: "bg-red-600", note: "sign in again to resume live updates" },
} as const;

/** Whether changes of this cluster arrive live, in words (announced to screen readers when it changes). */
export function LiveIndicator({ cluster }: { cluster: string }) {
  const { stream } = useLiveState(cluster);
  const t = TEXT[stream];
  return (
    <span role="status" aria-live="polite" data-testid="live-indicator" data-stream={stream} className="inline-flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400" title={t.note}>
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${t.dot}`} />
      {t.label}
      {stream === "signed-out" ? (
        <a href="/sign-in" className="underline">
          sign in
        </a>
      ) : null}
    </span>
  );
}
