// The list-row view of any object: what lists, the overview and SSE events carry. Pure mapper.
import { healthOf, isSuspended, lastReconciledAt, revisionOf, type HealthContext, type Verdict } from "@/lib/health";
import type { KubeObject } from "@/lib/kinds/object";

export interface ResourceSummary {
  resource: string;
  kind: string;
  apiVersion: string;
  namespace: string | null;
  name: string;
  health: Verdict;
  suspended: boolean;
  revision: string | null;
  lastReconciledAt: string | null;
  createdAt: string | null;
  resourceVersion: string | null;
  /** Pods only: container restarts summed over containers. */
  restarts?: number;
}

function podRestarts(obj: KubeObject): number {
  const statuses = (obj.status?.containerStatuses as { restartCount?: number }[] | undefined) ?? [];
  return statuses.reduce((n, c) => n + (typeof c.restartCount === "number" ? c.restartCount : 0), 0);
}

export function toSummary(resource: string, obj: KubeObject, ctx?: HealthContext): ResourceSummary {
  return {
    resource,
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    namespace: obj.metadata.namespace ?? null,
    name: obj.metadata.name,
    health: healthOf(obj, ctx),
    suspended: isSuspended(obj),
    revision: revisionOf(obj) ?? null,
    lastReconciledAt: lastReconciledAt(obj) ?? null,
    createdAt: obj.metadata.creationTimestamp ?? null,
    resourceVersion: obj.metadata.resourceVersion ?? null,
    ...(obj.kind === "Pod" ? { restarts: podRestarts(obj) } : {}),
  };
}

export const HEALTH_STATUSES = ["Healthy", "Progressing", "Degraded", "Suspended", "Unknown"] as const;
