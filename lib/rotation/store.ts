// Rotation and RotationStep rows: the only module that touches those tables. Rows never hold a secret value.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Rotation as RotationRow, RotationStep as StepRow } from "@/lib/db/generated/sqlite/client";
import { parseJsonObject, parseStringArray, toJsonText, type JsonObject } from "@/lib/db/json-text";
import { cancelRequestText, parseCancelRequest, type Actor } from "./actors";
import { isRotationKind, TERMINAL_ROTATION_STATES, type RotationPhase, type RotationState, type StepState } from "./kinds";
import type { RotationOptions, RotationPlan, RotationRecord, StepRecord } from "./types";
import { adapterOf } from "./upstream";

/** Plans stored before PushSecret support may name the removed "demo-vault" adapter (see upstream.adapterOf). */
function withKnownAdapter(plan: RotationPlan): RotationPlan {
  const w = plan.write as RotationPlan["write"] | undefined;
  if (w?.type !== "upstream") return plan;
  return { ...plan, write: { ...w, adapter: adapterOf(w.adapter) } };
}

export interface NewRotation {
  id: string;
  cluster: string;
  namespace: string;
  secret: string;
  kind: RotationRecord["kind"];
  key: string;
  options: RotationOptions;
  plan: RotationPlan;
  steps: string[];
  backupSecret: string;
  stagedSecret: string;
  createdBy: string;
  createdBySubject: string;
  groups: string[];
  kubeUser: string;
  requestId: string;
  leaseOwner: string;
  leaseUntil: Date;
}

function toRecord(row: RotationRow): RotationRecord {
  if (!isRotationKind(row.kind)) throw new Error(`Rotation ${row.id}: unknown kind ${row.kind}`);
  const cancel = parseCancelRequest(row.cancelRequestedBy);
  return {
    id: row.id,
    cluster: row.cluster,
    namespace: row.namespace,
    secret: row.secret,
    kind: row.kind,
    key: row.key ?? "",
    options: parseJsonObject(row.options, "Rotation.options") as unknown as RotationOptions,
    plan: withKnownAdapter(parseJsonObject(row.plan, "Rotation.plan") as unknown as RotationPlan),
    state: row.state as RotationState,
    phase: row.phase as RotationPhase,
    stepIndex: row.stepIndex,
    pointOfNoReturn: row.pointOfNoReturn,
    backupSecret: row.backupSecret,
    stagedSecret: row.stagedSecret,
    backupExpiresAt: row.backupExpiresAt,
    backupDeletedAt: row.backupDeletedAt,
    cancelRequestedAt: row.cancelRequestedAt,
    cancelRequestedBy: cancel.name,
    ...(cancel.actor ? { cancelActor: cancel.actor } : {}),
    createdBy: row.createdBy,
    createdBySubject: row.createdBySubject,
    groups: parseStringArray(row.groups, "Rotation.groups"),
    kubeUser: row.kubeUser,
    requestId: row.requestId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
    message: row.message,
    leaseUntil: row.leaseUntil,
  };
}

function toStep(row: StepRow): StepRecord {
  return {
    index: row.index,
    name: row.name,
    phase: row.phase as RotationPhase,
    state: row.state as StepState,
    message: row.message,
    at: row.at,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    detail: parseJsonObject(row.detail, "RotationStep.detail"),
  };
}

export interface LoadedRotation {
  rotation: RotationRecord;
  steps: StepRecord[];
}

export async function createRotation(input: NewRotation): Promise<LoadedRotation> {
  const db = await getDb();
  const row = await db.rotation.create({
    data: {
      id: input.id,
      cluster: input.cluster,
      namespace: input.namespace,
      secret: input.secret,
      kind: input.kind,
      key: input.key,
      options: toJsonText(input.options as unknown as JsonObject),
      plan: toJsonText(input.plan as unknown as JsonObject),
      state: "running",
      phase: "forward",
      step: input.steps[0] ?? "",
      stepIndex: 0,
      backupSecret: input.backupSecret,
      stagedSecret: input.stagedSecret,
      createdBy: input.createdBy,
      createdBySubject: input.createdBySubject,
      groups: toJsonText(input.groups),
      kubeUser: input.kubeUser,
      requestId: input.requestId,
      message: "starting",
      leaseOwner: input.leaseOwner,
      leaseUntil: input.leaseUntil,
      steps: { create: input.steps.map((name, index) => ({ index, name, phase: "forward" })) },
    },
    include: { steps: { orderBy: { index: "asc" } } },
  });
  return { rotation: toRecord(row), steps: row.steps.map(toStep) };
}

export async function loadRotation(id: string): Promise<LoadedRotation | undefined> {
  const db = await getDb();
  const row = await db.rotation.findUnique({ where: { id }, include: { steps: { orderBy: { index: "asc" } } } });
  return row ? { rotation: toRecord(row), steps: row.steps.map(toStep) } : undefined;
}

export interface RotationUpdate {
  state?: RotationState;
  phase?: RotationPhase;
  stepIndex?: number;
  step?: string;
  pointOfNoReturn?: boolean;
  message?: string;
  finishedAt?: Date | null;
  backupExpiresAt?: Date | null;
  backupDeletedAt?: Date | null;
  cancelRequestedAt?: Date | null;
  /** Clears the cancel request (set it with requestCancel). */
  cancelRequestedBy?: null;
}

export async function updateRotation(id: string, update: RotationUpdate): Promise<void> {
  const db = await getDb();
  await db.rotation.update({ where: { id }, data: update });
}

/** Records a cancel request with the identity the rollback will run as (cancelRequestedBy holds it as JSON). */
export async function requestCancel(id: string, actor: Actor, at: Date): Promise<void> {
  const db = await getDb();
  await db.rotation.update({ where: { id }, data: { cancelRequestedAt: at, cancelRequestedBy: cancelRequestText(actor) } });
}

export interface StepUpdate {
  state?: StepState;
  message?: string;
  detail?: JsonObject;
  startedAt?: Date | null;
  finishedAt?: Date | null;
}

export async function updateStep(rotationId: string, index: number, update: StepUpdate): Promise<void> {
  const db = await getDb();
  await db.rotationStep.update({
    where: { rotationId_index: { rotationId, index } },
    data: {
      state: update.state,
      message: update.message,
      detail: update.detail === undefined ? undefined : toJsonText(update.detail),
      startedAt: update.startedAt,
      finishedAt: update.finishedAt,
      at: new Date(),
    },
  });
}

/**
 * Appends rollback steps after the existing ones and points the rotation at the first of them, whose detail
 * (the reason, and who the rollback runs as) is written in the same transaction.
 */
export async function beginRollback(id: string, names: string[], state: RotationState, message: string, firstDetail: JsonObject): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const last = await tx.rotationStep.findFirst({ where: { rotationId: id }, orderBy: { index: "desc" } });
    const start = (last?.index ?? -1) + 1;
    for (const [i, name] of names.entries()) {
      await tx.rotationStep.create({ data: { rotationId: id, index: start + i, name, phase: "rollback", detail: i === 0 ? toJsonText(firstDetail) : "{}" } });
    }
    await tx.rotation.update({ where: { id }, data: { phase: "rollback", state, stepIndex: start, step: names[0] ?? "", message, finishedAt: null } });
  });
}

/** Takes (or renews) the lease when it is free, expired or already ours. True when we hold it. */
export async function acquireLease(id: string, owner: string, until: Date): Promise<boolean> {
  const db = await getDb();
  const now = new Date();
  const res = await db.rotation.updateMany({
    where: { id, OR: [{ leaseOwner: null }, { leaseOwner: owner }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseOwner: owner, leaseUntil: until },
  });
  return res.count === 1;
}

export async function releaseLease(id: string, owner: string): Promise<void> {
  const db = await getDb();
  await db.rotation.updateMany({ where: { id, leaseOwner: owner }, data: { leaseOwner: null, leaseUntil: null } });
}

/** Unfinished rotations with their lease holder (null when free or expired). */
export async function unfinishedRotations(now: Date): Promise<{ id: string; leaseOwner: string | null }[]> {
  const db = await getDb();
  const rows = await db.rotation.findMany({
    where: { state: { notIn: [...TERMINAL_ROTATION_STATES] } },
    select: { id: true, leaseOwner: true, leaseUntil: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, leaseOwner: r.leaseUntil && r.leaseUntil >= now ? r.leaseOwner : null }));
}

/** Takes the lease from a holder known to be dead (a previous process on this host). */
export async function takeOverLease(id: string, from: string, owner: string, until: Date): Promise<boolean> {
  const db = await getDb();
  const res = await db.rotation.updateMany({ where: { id, leaseOwner: from }, data: { leaseOwner: owner, leaseUntil: until } });
  return res.count === 1;
}

export async function activeRotationOn(cluster: string, namespace: string, secret: string): Promise<RotationRecord | undefined> {
  const db = await getDb();
  const row = await db.rotation.findFirst({ where: { cluster, namespace, secret, state: { notIn: [...TERMINAL_ROTATION_STATES] } } });
  return row ? toRecord(row) : undefined;
}

/** Finished rotations whose backup Secret is past its grace period and still in the cluster. */
export async function expiredBackups(now: Date): Promise<RotationRecord[]> {
  const db = await getDb();
  const rows = await db.rotation.findMany({ where: { backupExpiresAt: { lt: now }, backupDeletedAt: null, state: { in: [...TERMINAL_ROTATION_STATES] } }, take: 50 });
  return rows.map(toRecord);
}

export interface RotationQuery {
  cluster?: string;
  namespace?: string;
  secret?: string;
  limit?: number;
}

export async function listRotations(q: RotationQuery): Promise<LoadedRotation[]> {
  const db = await getDb();
  const rows = await db.rotation.findMany({
    where: { cluster: q.cluster, namespace: q.namespace, secret: q.secret },
    include: { steps: { orderBy: { index: "asc" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(q.limit ?? 100, 1), 500),
  });
  return rows.map((row) => ({ rotation: toRecord(row), steps: row.steps.map(toStep) }));
}
