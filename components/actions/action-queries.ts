// Query keys, queryOptions and the POST of actions, for components/actions. Everything goes through the HTTP API.
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/components/ui/api";
import type { ActionName } from "@/lib/actions/catalog";
import { resourceInfo } from "@/lib/kinds/registry";
import type { OperationState } from "@/lib/actions/types";
import type { ActionResponse, OperationView, PermissionsView } from "@/lib/actions/view";

export interface TargetRef {
  resource: string;
  namespace?: string | null;
  name: string;
}

export interface OperationFilters {
  cluster?: string;
  state?: OperationState | "";
  action?: ActionName | "";
}

const ns = (t: TargetRef) => t.namespace ?? "_";

/** "HelmRelease airflow/airflow" for dialogs and lists. */
export function targetLabel(t: TargetRef): string {
  return `${resourceInfo(t.resource)?.kind ?? t.resource} ${t.namespace ? `${t.namespace}/` : ""}${t.name}`;
}

export const actionKeys = {
  all: ["actions"] as const,
  permissions: (cluster: string, t: TargetRef) => ["actions", "permissions", cluster, t.resource, ns(t), t.name] as const,
  targetOperations: (cluster: string, t: TargetRef) => ["actions", "operations", "target", cluster, t.resource, ns(t), t.name] as const,
  operations: (f: OperationFilters) => ["actions", "operations", "list", f.cluster ?? "", f.state ?? "", f.action ?? ""] as const,
  operation: (id: string) => ["actions", "operation", id] as const,
};

function qs(params: Record<string, string | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) u.set(k, v);
  const s = u.toString();
  return s ? `?${s}` : "";
}

export const ACTIVE: OperationState[] = ["requested", "acknowledged", "reconciling"];
export const isActive = (op: OperationView) => ACTIVE.includes(op.state);

export function permissionsQuery(cluster: string, t: TargetRef) {
  return queryOptions({
    queryKey: actionKeys.permissions(cluster, t),
    queryFn: ({ signal }) =>
      api<PermissionsView>(`/api/v1/clusters/${encodeURIComponent(cluster)}/permissions${qs({ resource: t.resource, namespace: t.namespace ?? undefined, name: t.name })}`, { signal }),
    staleTime: 10_000,
    retry: false,
  });
}

/** The latest operations on one object (so a reload shows what is still running). */
export function targetOperationsQuery(cluster: string, t: TargetRef) {
  return queryOptions({
    queryKey: actionKeys.targetOperations(cluster, t),
    queryFn: ({ signal }) =>
      api<{ operations: OperationView[] }>(`/api/v1/operations${qs({ cluster, resource: t.resource, namespace: t.namespace ?? undefined, name: t.name, limit: "5" })}`, { signal }),
    staleTime: 5_000,
  });
}

export function operationsQuery(f: OperationFilters) {
  return queryOptions({
    queryKey: actionKeys.operations(f),
    queryFn: ({ signal }) => api<{ operations: OperationView[] }>(`/api/v1/operations${qs({ cluster: f.cluster, state: f.state, action: f.action, limit: "200" })}`, { signal }),
    staleTime: 2_000,
    // Live progress: refresh while anything listed is still in flight.
    refetchInterval: (q) => (q.state.data?.operations.some(isActive) ? 2_000 : 15_000),
  });
}

export interface ActionInput extends TargetRef {
  action: ActionName;
  withSource?: boolean;
  reason?: string;
}

export function postAction(cluster: string, input: ActionInput): Promise<ActionResponse> {
  const body: Record<string, unknown> = { action: input.action, resource: input.resource, name: input.name };
  if (input.namespace) body.namespace = input.namespace;
  if (input.withSource) body.withSource = true;
  if (input.reason !== undefined) body.reason = input.reason;
  return api<ActionResponse>(`/api/v1/clusters/${encodeURIComponent(cluster)}/actions`, { method: "POST", body });
}
