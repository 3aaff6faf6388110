// The API shape of an operation (GET /api/v1/operations…, SSE, POST …/actions) and its mapper from a stored row.
// Pure module: components import the types.
import type { SuspendInfo } from "@/lib/health";
import { resourceInfo } from "@/lib/kinds/registry";
import type { ActionName } from "./catalog";
import { isOperationState, type OperationState, type StepRecord } from "./types";

export interface OperationTargetView {
  resource: string;
  kind: string;
  namespace: string | null;
  name: string;
}

export interface OperationStepView extends OperationTargetView {
  role: "source" | "target";
  state: OperationState;
  message: string;
  token: string | null;
  patch: unknown;
  sentAt: string | null;
  acknowledgedAt: string | null;
  finishedAt: string | null;
  deadline: string | null;
}

export interface OperationView {
  id: string;
  cluster: string;
  action: ActionName;
  target: OperationTargetView;
  withSource: boolean;
  reason: string | null;
  token: string | null;
  state: OperationState;
  message: string;
  user: string;
  requestId: string;
  startedAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  finishedAt: string | null;
  timeoutAt: string;
  steps: OperationStepView[];
}

/** The stored columns the view needs (a Prisma Operation row satisfies it). */
export interface OperationRow {
  id: string;
  cluster: string;
  action: string;
  resource: string;
  namespace: string | null;
  name: string;
  withSource: boolean;
  reason: string | null;
  token: string | null;
  state: string;
  message: string | null;
  steps: string;
  user: string;
  groups: string;
  requestId: string;
  createdAt: Date;
  updatedAt: Date;
  acknowledgedAt: Date | null;
  finishedAt: Date | null;
  timeoutAt: Date;
}

/** Parses the stored steps JSON; throws naming the operation when it is not an array. */
export function parseSteps(row: Pick<OperationRow, "id" | "steps">): StepRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(row.steps);
  } catch (err) {
    throw new Error(`Operation ${row.id}: steps is not valid JSON (${String(err)})`, { cause: err });
  }
  if (!Array.isArray(value)) throw new Error(`Operation ${row.id}: steps is not a JSON array`);
  return value as StepRecord[];
}

function stepView(s: StepRecord): OperationStepView {
  return {
    resource: s.resource,
    kind: s.kind,
    namespace: s.namespace,
    name: s.name,
    role: s.role,
    state: s.state,
    message: s.message,
    token: s.token ?? null,
    patch: s.patch ?? null,
    sentAt: s.sentAt ?? null,
    acknowledgedAt: s.acknowledgedAt ?? null,
    finishedAt: s.finishedAt ?? null,
    deadline: s.deadline ?? null,
  };
}

export function toOperationView(row: OperationRow): OperationView {
  const state = isOperationState(row.state) ? row.state : "failed";
  return {
    id: row.id,
    cluster: row.cluster,
    action: row.action as ActionName,
    target: { resource: row.resource, kind: resourceInfo(row.resource)?.kind ?? row.resource, namespace: row.namespace, name: row.name },
    withSource: row.withSource,
    reason: row.reason,
    token: row.token,
    state,
    message: row.message ?? "",
    user: row.user,
    requestId: row.requestId,
    startedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    timeoutAt: row.timeoutAt.toISOString(),
    steps: parseSteps(row).map(stepView),
  };
}

/** Why an action button is disabled or hidden: app role and read-only mode hide it; state and RBAC disable it. */
export type DenialCode = "role" | "read-only" | "state" | "rbac";

export interface ActionPermission {
  allowed: boolean;
  reason?: string;
  code?: DenialCode;
  /** The UI should put this action forward (reset on a Stalled RetriesExceeded HelmRelease: "Reset and retry"). */
  recommended?: boolean;
}

/** GET /api/v1/clusters/{cluster}/permissions. */
export interface PermissionsView {
  actions: Partial<Record<ActionName, ActionPermission>>;
  /** Who suspended the object, why and when (Flux kinds), or null. */
  suspend: SuspendInfo | null;
}

/** POST /api/v1/clusters/{cluster}/actions (202). */
export interface ActionResponse {
  operation: OperationView;
  deduplicated: boolean;
}
