"use client";

import { useEffect, useRef } from "react";

/** The log text; scrolls to the newest line while `autoScroll` is on. */
export function LogLines({ lines, autoScroll, label }: { lines: readonly string[]; autoScroll: boolean; label: string }) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (autoScroll && ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [lines, autoScroll]);
  return (
    <pre
      ref={ref}
      tabIndex={0}
      aria-label={label}
      data-testid="log-lines"
      className="h-[28rem] overflow-auto rounded-lg border border-slate-200 bg-slate-950 p-3 font-mono text-xs leading-5 text-slate-100 dark:border-slate-800"
    >
      {lines.length ? lines.map((l, i) => <div key={i} className="whitespace-pre-wrap break-all">{l || " "}</div>) : <span className="text-slate-400">No log lines.</span>}
    </pre>
  );
}
