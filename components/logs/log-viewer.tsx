"use client";

import { useId, useMemo, useState } from "react";
import { logApiPath } from "@/lib/queries/resource-queries";
import { FollowedLog } from "./followed-log";
import { StaticLog } from "./static-log";

const TAILS = [100, 500, 1000, 5000];
const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

interface Props {
  cluster: string;
  namespace: string;
  pod: string;
  containers: readonly string[];
  initContainers: readonly string[];
}

/** Pod logs: container picker, tail size, follow (SSE), text filter, auto-scroll. */
export function LogViewer({ cluster, namespace, pod, containers, initContainers }: Props) {
  const id = useId();
  const all = [...containers, ...initContainers];
  const [container, setContainer] = useState<string | null>(all[0] ?? null);
  const [tail, setTail] = useState(500);
  const [follow, setFollow] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState("");
  const [autoScroll, setAutoScroll] = useState(true);
  const current = container && all.includes(container) ? container : (all[0] ?? null);
  const filter = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? (l: string) => l.toLowerCase().includes(q) : () => true;
  }, [query]);
  const label = `Log of ${pod}${current ? ` container ${current}` : ""}`;
  const followUrl = logApiPath(cluster, namespace, pod, current, tail, true);

  return (
    <section aria-label={`Logs of ${pod}`} data-testid="log-viewer">
      <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <span className="font-medium">{pod}</span>
        <label className="inline-flex items-center gap-1">
          Container
          <select className={control} value={current ?? ""} onChange={(e) => setContainer(e.target.value)} disabled={!all.length}>
            {containers.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
            {initContainers.map((c) => (
              <option key={c} value={c}>{c} (init)</option>
            ))}
          </select>
        </label>
        <label className="inline-flex items-center gap-1">
          Tail
          <select className={control} value={tail} onChange={(e) => setTail(Number(e.target.value))}>
            {TAILS.map((t) => (
              <option key={t} value={t}>{t} lines</option>
            ))}
          </select>
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow
        </label>
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={autoScroll} onChange={(e) => setAutoScroll(e.target.checked)} />
          Auto-scroll
        </label>
        <span className="inline-flex items-center gap-1">
          <label htmlFor={id}>Search</label>
          <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={`${control} w-48`} placeholder="filter lines" />
        </span>
      </div>
      {follow ? (
        <FollowedLog key={`${followUrl}#${attempt}`} url={followUrl} probeUrl={logApiPath(cluster, namespace, pod, current, 1)} filter={filter} autoScroll={autoScroll} label={label} onReconnect={() => setAttempt(attempt + 1)} />
      ) : (
        <StaticLog cluster={cluster} namespace={namespace} pod={pod} container={current} tailLines={tail} filter={filter} autoScroll={autoScroll} label={label} />
      )}
    </section>
  );
}
