// Operation rows: create, update, look up in-flight ones, list. The only module that touches the Operation table.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { ActionName } from "./catalog";
import { ACTIVE_STATES, type ActionTarget, type OperationState, type StepRecord } from "./types";
import type { OperationRow } from "./view";

export interface NewOperation {
  cluster: string;
  action: ActionName;
  target: ActionTarget;
  withSource: boolean;
  reason: string | null;
  token: string | null;
  message: string;
  steps: StepRecord[];
  user: string;
  groups: string[];
  requestId: string;
  timeoutAt: Date;
}

export async function createOperation(input: NewOperation): Promise<OperationRow> {
  const db = await getDb();
  return db.operation.create({
    data: {
      cluster: input.cluster,
      action: input.action,
      resource: input.target.resource,
      namespace: input.target.namespace ?? null,
      name: input.target.name,
      withSource: input.withSource,
      reason: input.reason,
      token: input.token,
      state: "requested",
      message: input.message,
      steps: JSON.stringify(input.steps),
      user: input.user,
      groups: JSON.stringify(input.groups),
      requestId: input.requestId,
      timeoutAt: input.timeoutAt,
    },
  });
}

export interface OperationUpdate {
  state: OperationState;
  message: string;
  steps: StepRecord[];
  token?: string | null;
  acknowledgedAt?: Date | null;
  finishedAt?: Date | null;
  timeoutAt?: Date;
}

export async function updateOperation(id: string, update: OperationUpdate): Promise<OperationRow> {
  const db = await getDb();
  return db.operation.update({
    where: { id },
    data: {
      state: update.state,
      message: update.message,
      steps: JSON.stringify(update.steps),
      token: update.token,
      acknowledgedAt: update.acknowledgedAt,
      finishedAt: update.finishedAt,
      timeoutAt: update.timeoutAt,
    },
  });
}

/** Operations on one object that are still in flight (any action). */
export async function activeOperationsOn(cluster: string, target: ActionTarget): Promise<OperationRow[]> {
  const db = await getDb();
  return db.operation.findMany({
    where: { cluster, resource: target.resource, namespace: target.namespace ?? null, name: target.name, state: { in: [...ACTIVE_STATES] } },
    orderBy: { createdAt: "asc" },
  });
}

/** Every operation in flight (resumed by the tracker after a restart). */
export async function allActiveOperations(): Promise<OperationRow[]> {
  const db = await getDb();
  return db.operation.findMany({ where: { state: { in: [...ACTIVE_STATES] } }, orderBy: { createdAt: "asc" } });
}

export async function findOperation(id: string): Promise<OperationRow | null> {
  const db = await getDb();
  return db.operation.findUnique({ where: { id } });
}

export interface OperationQuery {
  cluster?: string;
  states?: OperationState[];
  action?: ActionName;
  target?: Partial<ActionTarget>;
  limit: number;
  before?: Date;
}

/** Newest first. */
export async function listOperations(q: OperationQuery): Promise<OperationRow[]> {
  const db = await getDb();
  return db.operation.findMany({
    where: {
      cluster: q.cluster,
      state: q.states?.length ? { in: q.states } : undefined,
      action: q.action,
      resource: q.target?.resource,
      namespace: q.target?.namespace,
      name: q.target?.name,
      createdAt: q.before ? { lt: q.before } : undefined,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit,
  });
}
