// Shared Flux reconcile bookkeeping: request tokens, observedGeneration, suspend, condition shortcuts.
import type { KObject } from "../store/types";
import { asBool, asNumber, asString, generationOf, specOf, statusOf, type JsonMap } from "../sim/objects";
import { removeCondition, setCondition, sortFluxConditions, type ConditionStatus } from "../sim/conditions";
import { REQUESTED_AT } from "./controller";
import { durationOr } from "../sim/duration";

export function requestToken(obj: KObject): string | undefined {
  return obj.metadata.annotations?.[REQUESTED_AT];
}

/** The requestedAt token when it has not been handled yet. */
export function pendingToken(obj: KObject): string | undefined {
  const token = requestToken(obj);
  return token !== undefined && token !== asString(statusOf(obj).lastHandledReconcileAt) ? token : undefined;
}

export function isSuspended(obj: KObject): boolean {
  return asBool(specOf(obj).suspend) === true;
}

export function observedGeneration(obj: KObject): number | undefined {
  return asNumber(statusOf(obj).observedGeneration);
}

/** Generation not yet observed, an unhandled token, or deletion: the object wants a reconcile. */
export function wantsReconcile(obj: KObject): boolean {
  if (obj.metadata.deletionTimestamp) return true;
  if (isSuspended(obj)) return false;
  return observedGeneration(obj) !== generationOf(obj) || pendingToken(obj) !== undefined;
}

export function markHandled(status: JsonMap, obj: KObject): void {
  const token = requestToken(obj);
  if (token !== undefined) status.lastHandledReconcileAt = token;
  status.observedGeneration = generationOf(obj);
}

export function fluxCondition(
  status: JsonMap,
  obj: KObject,
  type: string,
  s: ConditionStatus,
  reason: string,
  message: string,
): void {
  setCondition(status, { type, status: s, reason, message }, { observedGeneration: generationOf(obj) });
  sortFluxConditions(status);
}

export function markReconciling(status: JsonMap, obj: KObject, message: string): void {
  fluxCondition(status, obj, "Reconciling", "True", "Progressing", message);
  fluxCondition(status, obj, "Ready", "Unknown", "Progressing", message);
}

export function markReady(status: JsonMap, obj: KObject, reason: string, message: string): void {
  fluxCondition(status, obj, "Ready", "True", reason, message);
  removeCondition(status, "Reconciling");
  removeCondition(status, "Stalled");
}

export function markNotReady(status: JsonMap, obj: KObject, reason: string, message: string): void {
  fluxCondition(status, obj, "Ready", "False", reason, message);
  removeCondition(status, "Reconciling");
}

export function sourceRefOf(obj: KObject): { kind: string; name: string; namespace: string } | undefined {
  const ref = specOf(obj).sourceRef;
  if (!ref || typeof ref !== "object") return undefined;
  const r = ref as JsonMap;
  const kind = asString(r.kind);
  const name = asString(r.name);
  if (!kind || !name) return undefined;
  return { kind, name, namespace: asString(r.namespace) ?? obj.metadata.namespace ?? "" };
}

export function intervalMs(obj: KObject, fallback: number): number {
  return durationOr(specOf(obj).interval, fallback);
}
