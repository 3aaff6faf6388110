// metav1.Condition helpers. Flux conditions carry observedGeneration; ESO and built-in kinds do not.
import { asMaps, isMap, nowTime, type JsonMap } from "./objects";
import type { KObject } from "../store/types";

export type ConditionStatus = "True" | "False" | "Unknown";

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
  lastUpdateTime?: string;
  lastProbeTime?: string | null;
}

export function conditionsOf(status: unknown): Condition[] {
  if (!isMap(status)) return [];
  return asMaps(status.conditions) as unknown as Condition[];
}

export function getCondition(obj: KObject | JsonMap | undefined, type: string): Condition | undefined {
  if (!obj) return undefined;
  const status = "metadata" in obj ? (obj as KObject).status : obj;
  return conditionsOf(status).find((c) => c.type === type);
}

export function isTrue(obj: KObject | undefined, type: string): boolean {
  return getCondition(obj, type)?.status === "True";
}

export interface SetConditionOptions {
  observedGeneration?: number;
  /** Also maintain lastUpdateTime (Deployment conditions). */
  withUpdateTime?: boolean;
  /** Position for a new condition; defaults to the end (Ready is conventionally first). */
  first?: boolean;
}

/** Sets a condition on a status map; keeps lastTransitionTime when the status did not change. */
export function setCondition(
  status: JsonMap,
  cond: { type: string; status: ConditionStatus; reason: string; message: string },
  opts: SetConditionOptions = {},
): void {
  const list = conditionsOf(status);
  const now = nowTime();
  const existing = list.find((c) => c.type === cond.type);
  const next: Condition = {
    type: cond.type,
    status: cond.status,
    ...(opts.observedGeneration !== undefined ? { observedGeneration: opts.observedGeneration } : {}),
    ...(opts.withUpdateTime
      ? { lastUpdateTime: existing && sameContent(existing, cond) ? existing.lastUpdateTime : now }
      : {}),
    lastTransitionTime: existing && existing.status === cond.status ? (existing.lastTransitionTime ?? now) : now,
    reason: cond.reason,
    message: cond.message,
  };
  if (existing) list[list.indexOf(existing)] = next;
  else if (opts.first) list.unshift(next);
  else list.push(next);
  status.conditions = list;
}

function sameContent(a: Condition, b: { status: string; reason: string; message: string }): boolean {
  return a.status === b.status && a.reason === b.reason && a.message === b.message;
}

export function removeCondition(status: JsonMap, type: string): void {
  const list = conditionsOf(status).filter((c) => c.type !== type);
  status.conditions = list;
}

/** Flux order: Ready first, then Reconciling/Stalled, then the rest as set. */
export function sortFluxConditions(status: JsonMap): void {
  const order = ["Ready", "Reconciling", "Stalled"];
  const list = conditionsOf(status);
  list.sort((a, b) => rank(a.type) - rank(b.type));
  status.conditions = list;
  function rank(t: string): number {
    const i = order.indexOf(t);
    return i < 0 ? order.length : i;
  }
}
