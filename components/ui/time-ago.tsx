"use client";

import { age, formatTimestamp, timeAgo } from "@/lib/queries/format-time";
import { useNow } from "./use-now";

/** "3m ago" (or the kubectl-style age with `mode="age"`), with the exact time as a tooltip. */
export function TimeAgo({ iso, mode = "ago" }: { iso: string | null | undefined; mode?: "ago" | "age" }) {
  const now = useNow();
  if (!iso) return <span className="text-slate-400">—</span>;
  const text = now === 0 ? "" : mode === "age" ? age(iso, now) : timeAgo(iso, now);
  return (
    <time dateTime={iso} title={formatTimestamp(iso)} suppressHydrationWarning>
      {text}
    </time>
  );
}
