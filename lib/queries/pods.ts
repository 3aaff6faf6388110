// Small readers for pod rows and pod specs on detail pages. Pure.
import type { KubeObject } from "@/lib/kinds/object";
import type { ResourceSummary } from "@/lib/views/summary";

/** Restart count: the summary's `restarts`, else the health verdict's extra line "restarted N times" (0 when absent). */
export function restartsOf(pod: ResourceSummary): number {
  if (typeof pod.restarts === "number") return pod.restarts;
  for (const line of pod.health.extra ?? []) {
    const m = /restarted (\d+) times?/.exec(line);
    if (m) return Number(m[1]);
  }
  return 0;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function names(list: unknown): string[] {
  return Array.isArray(list) ? list.map((c) => record(c)?.name).filter((n): n is string => typeof n === "string") : [];
}

/** The pod spec of a Pod, or the pod template spec of a workload (Deployment, StatefulSet, Job, DaemonSet). */
export function podSpecOf(obj: KubeObject): Record<string, unknown> | undefined {
  if (obj.kind === "Pod") return obj.spec;
  return record(record(record(obj.spec?.template)?.spec) ?? record(record(record(record(obj.spec?.jobTemplate)?.spec)?.template)?.spec));
}

/** Container names for the log picker: app containers first, then init containers. */
export function containerNames(obj: KubeObject): { containers: string[]; initContainers: string[] } {
  const spec = podSpecOf(obj);
  return { containers: names(spec?.containers), initContainers: names(spec?.initContainers) };
}
