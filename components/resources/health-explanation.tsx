import { formatTimestamp } from "@/lib/queries/format-time";
import type { ResourceDetail } from "@/lib/views/detail";

const BOX: Record<string, string> = {
  Healthy: "border-green-300 bg-green-50 text-green-950 dark:border-green-800 dark:bg-green-950/50 dark:text-green-100",
  Progressing: "border-blue-300 bg-blue-50 text-blue-950 dark:border-blue-800 dark:bg-blue-950/50 dark:text-blue-100",
  Degraded: "border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100",
  Suspended: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100",
  Unknown: "border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
};

/** The health verdict in words: reason and message, secondary signals, stalled/stale notes, who suspended it. */
export function HealthExplanation({ detail }: { detail: ResourceDetail }) {
  const { health, suspend, object } = detail;
  const generation = object.metadata.generation;
  const observed = object.status?.observedGeneration;
  return (
    <section aria-label="Health explanation" data-testid="health-explanation" className={`mb-6 rounded-lg border p-4 text-sm ${BOX[health.status]}`}>
      <p>
        <span className="font-semibold">{health.status}</span>
        {health.reason ? <span className="font-medium"> · {health.reason}</span> : null}
      </p>
      {health.message ? <p className="mt-1 whitespace-pre-wrap break-words">{health.message}</p> : null}
      {health.extra?.length ? (
        <ul className="mt-2 list-disc pl-5">
          {health.extra.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : null}
      {health.stalled ? (
        <p className="mt-2 font-medium">
          Stalled: the controller has stopped retrying and will not recover on its own
          {health.offerReset ? " — a HelmRelease reset (clearing the failure counters) is needed." : "."}
        </p>
      ) : null}
      {health.stale ? (
        <p className="mt-2">
          The controller has not yet picked up the latest change to the spec
          {generation !== undefined ? ` (generation ${generation}${observed !== undefined ? `, observed ${observed}` : ""})` : ""}; the status above may be out of date.
        </p>
      ) : null}
      {suspend?.suspended ? (
        <p className="mt-2" data-testid="suspend-info">
          Suspended{suspend.by ? ` by ${suspend.by}` : ""}
          {suspend.at ? ` on ${formatTimestamp(suspend.at)}` : ""}
          {suspend.reason ? `: “${suspend.reason}”` : ""}. Flux will not apply changes until it is resumed.
        </p>
      ) : null}
    </section>
  );
}
