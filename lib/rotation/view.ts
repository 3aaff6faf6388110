// The API shape of a rotation (GET /api/v1/rotations/{id} and the lists). Never a value: the only key material
// is a freshly generated deploy key's PUBLIC half while the rotation waits for it to be added. Pure.
import { actorForStep, creatorOf } from "./actors";
import { KINDS, isTerminalRotation, type RotationKind, type RotationPhase, type RotationState, type StepState } from "./kinds";
import { stepTitle } from "./step-titles";
import { describeManager } from "./target";
import type { RotationRecord, StepRecord } from "./types";

export interface RotationStepView {
  index: number;
  name: string;
  title: string;
  phase: RotationPhase;
  state: StepState;
  message: string;
  at: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Who the step runs (or ran) as: the creator, or who confirmed, cancelled or rolled back since. */
  actedBy: string;
}

export interface RotationPrompt {
  step: string;
  message: string;
  publicKey?: string;
  fingerprint?: string;
  item?: string;
  property?: string;
}

export interface RotationView {
  id: string;
  kind: RotationKind;
  kindLabel: string;
  cluster: string;
  target: { cluster: string; namespace: string; secret: string; key: string; managedBy: string; writes: string };
  state: RotationState;
  phase: RotationPhase;
  pointOfNoReturn: boolean;
  message: string;
  warnings: string[];
  consumers: { kind: string; name: string; restartable: boolean }[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  cancelRequestedBy: string | null;
  steps: RotationStepView[];
  prompt: RotationPrompt | null;
  backup: { secret: string; expiresAt: string | null; deletedAt: string | null } | null;
  /** What may be asked of it now (the role and RBAC are checked again on the request). */
  actions: { confirm: boolean; cancel: boolean; rollback: boolean };
  /** Why nothing moves although it should (read-only mode pauses the worker), else null. */
  paused: string | null;
}

/** How the server runs: read-only mode pauses the worker (lib/rotation/paused.ts). */
export interface ViewOptions {
  readOnly: boolean;
  now: Date;
}

const PAUSE = "paused: read-only mode";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);

function writes(r: RotationRecord): string {
  const w = r.plan.write;
  if (w.type === "direct") return `patch Secret ${r.secret}`;
  const where = `${w.remote.item}${w.remote.property ? `/${w.remote.property}` : ""}`;
  return w.adapter === "manual" ? `you change ${where} in ${w.store.kind} ${w.store.name} (${w.providerType})` : `write ${where} upstream (${w.adapter}), then force-sync ExternalSecret ${w.externalSecret}`;
}

function prompt(r: RotationRecord, steps: StepRecord[]): RotationPrompt | null {
  const step = steps[r.stepIndex];
  if (r.state !== "waiting" || !step || step.state !== "waiting") return null;
  const p: RotationPrompt = { step: step.name, message: step.message };
  const publicKey = text(step.detail.publicKey);
  if (publicKey?.startsWith("ssh-ed25519 ")) p.publicKey = publicKey;
  const fingerprint = text(step.detail.fingerprint);
  if (fingerprint) p.fingerprint = fingerprint;
  const item = text(step.detail.item);
  if (item) p.item = item;
  const property = text(step.detail.property);
  if (property) p.property = property;
  return p;
}

export function canRollBack(r: RotationRecord): boolean {
  return r.state === "succeeded" && !r.pointOfNoReturn && !!r.backupSecret && !r.backupDeletedAt;
}

export function canCancel(r: RotationRecord): boolean {
  return !isTerminalRotation(r.state) && r.phase === "forward" && !r.pointOfNoReturn && !r.cancelRequestedAt;
}

/** Read-only mode: an unfinished rotation nobody drives, or a backup past its grace period, waits. */
export function pausedReason(r: RotationRecord, o: ViewOptions): string | null {
  if (!o.readOnly) return null;
  const driven = !!r.leaseUntil && r.leaseUntil.getTime() > o.now.getTime();
  if (!isTerminalRotation(r.state) && !driven) return `${PAUSE} — Fluxtower drives no rotation while FLUXTOWER_READ_ONLY is on; this one continues from its journal when Fluxtower runs writable again`;
  if (isTerminalRotation(r.state) && r.backupSecret && !r.backupDeletedAt && r.backupExpiresAt && r.backupExpiresAt.getTime() <= o.now.getTime()) {
    return `backup deletion ${PAUSE} — the backup Secret ${r.backupSecret} is past its grace period and is deleted when Fluxtower runs writable again`;
  }
  return null;
}

export function toRotationView(r: RotationRecord, steps: StepRecord[], o: ViewOptions = { readOnly: false, now: new Date() }): RotationView {
  const creator = creatorOf(r);
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: KINDS[r.kind].label,
    cluster: r.cluster,
    target: { cluster: r.cluster, namespace: r.namespace, secret: r.secret, key: r.key, managedBy: describeManager(r.plan.manager), writes: writes(r) },
    state: r.state,
    phase: r.phase,
    pointOfNoReturn: r.pointOfNoReturn,
    message: r.message ?? "",
    warnings: r.plan.warnings ?? [],
    consumers: (r.plan.consumers ?? []).map((c) => ({ kind: c.kind, name: c.name, restartable: c.restartable })),
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    finishedAt: iso(r.finishedAt),
    cancelRequestedBy: r.cancelRequestedBy,
    steps: steps.map((s) => ({ index: s.index, name: s.name, title: stepTitle(s.name), phase: s.phase, state: s.state, message: s.message, at: s.at.toISOString(), startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt), actedBy: actorForStep(creator, steps, s.index).name })),
    prompt: prompt(r, steps),
    backup: r.backupSecret ? { secret: r.backupSecret, expiresAt: iso(r.backupExpiresAt), deletedAt: iso(r.backupDeletedAt) } : null,
    actions: { confirm: r.state === "waiting", cancel: canCancel(r), rollback: canRollBack(r) },
    paused: pausedReason(r, o),
  };
}
