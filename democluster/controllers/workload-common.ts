// Shared by the Deployment/StatefulSet/Job controllers: owned pods, safe deletes, intOrPercent.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { StatusError } from "../store/errors";

export function ownedPods(ctx: SimContext, owner: KObject): KObject[] {
  return ctx.store
    .list(R.pods, owner.metadata.namespace)
    .filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === owner.metadata.uid && o.controller));
}

export function deletePod(ctx: SimContext, pod: KObject): void {
  try {
    ctx.store.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
  }
}

/** Resolves an intOrString like "25%" against a total (round up for surge, down for unavailable). */
export function intOrPercent(value: unknown, total: number, roundUp: boolean, dflt: string): number {
  const v = value === undefined || value === null ? dflt : value;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(String(v));
  if (!m) return Number(v) || 0;
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}
