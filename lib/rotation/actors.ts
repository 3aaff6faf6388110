// Who a rotation step acts as. The user who started the rotation drives it until another user asks for a later
// step: a confirmation (the steps from the confirmed one on), a cancel or a roll back (the rollback steps). That
// user's identity is stored in the journal, not in the schema: in the detail of the first step they drive (field
// `actor`), and for a cancel (which the driver turns into rollback steps on its next turn) in the
// cancelRequestedBy column as JSON. A step runs as the newest actor at or before it. Pure.
import type { JsonObject, JsonValue } from "@/lib/db/json-text";
import type { StepRecord } from "./types";

export type ActorVia = "start" | "confirm" | "cancel" | "rollback" | "failure";

export interface Actor {
  /** Display name (audit rows, Events, the UI). */
  name: string;
  /** Stable subject ("demo:admin", "<issuer>|<sub>"). */
  subject: string;
  /** The Kubernetes user and groups the step impersonates. */
  kubeUser: string;
  groups: string[];
  via: ActorVia;
}

/** The step-detail field that records a new actor. */
export const ACTOR_FIELD = "actor";

const VIAS: readonly ActorVia[] = ["start", "confirm", "cancel", "rollback", "failure"];

export function creatorOf(r: { createdBy: string; createdBySubject: string; kubeUser: string; groups: string[] }): Actor {
  return { name: r.createdBy, subject: r.createdBySubject, kubeUser: r.kubeUser, groups: [...r.groups], via: "start" };
}

export function actorJson(a: Actor): JsonObject {
  return { name: a.name, subject: a.subject, kubeUser: a.kubeUser, groups: [...a.groups], via: a.via };
}

/** An Actor from stored JSON, or undefined when the value is not one (every field is checked). */
export function parseActor(value: JsonValue | unknown): Actor | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const strings = [v.name, v.subject, v.kubeUser].every((s) => typeof s === "string" && s !== "");
  const groups = Array.isArray(v.groups) && v.groups.every((g) => typeof g === "string");
  const via = typeof v.via === "string" && (VIAS as readonly string[]).includes(v.via);
  if (!strings || !groups || !via) return undefined;
  return { name: v.name as string, subject: v.subject as string, kubeUser: v.kubeUser as string, groups: [...(v.groups as string[])], via: v.via as ActorVia };
}

/** The actor recorded in a step's detail, if any. */
export function actorOfDetail(detail: JsonObject): Actor | undefined {
  return parseActor(detail[ACTOR_FIELD]);
}

/** The detail with the actor recorded. */
export function withActor(detail: JsonObject, actor: Actor): JsonObject {
  return { ...detail, [ACTOR_FIELD]: actorJson(actor) };
}

/**
 * A step's new detail keeping the actor its previous detail recorded: steps replace their detail wholesale
 * (`save({ job })`), and the hand-over to another user must survive that.
 */
export function keepActor(previous: JsonObject, next: JsonObject): JsonObject {
  const actor = previous[ACTOR_FIELD];
  return actor === undefined || next[ACTOR_FIELD] !== undefined ? next : { ...next, [ACTOR_FIELD]: actor };
}

/** The identity step `index` runs as: the newest actor recorded at or before it, else the creator. */
export function actorForStep(creator: Actor, steps: readonly Pick<StepRecord, "index" | "detail">[], index: number): Actor {
  let actor = creator;
  for (const s of [...steps].sort((a, b) => a.index - b.index)) {
    if (s.index > index) break;
    actor = actorOfDetail(s.detail) ?? actor;
  }
  return actor;
}

/**
 * cancelRequestedBy holds the canceller as JSON (their identity is needed when the driver starts the rollback);
 * rows from before hold a plain name. Returns the display name and, when stored, the identity.
 */
export function parseCancelRequest(text: string | null): { name: string | null; actor: Actor | undefined } {
  if (text === null) return { name: null, actor: undefined };
  if (!text.startsWith("{")) return { name: text, actor: undefined };
  try {
    const actor = parseActor(JSON.parse(text) as unknown);
    return actor ? { name: actor.name, actor } : { name: text, actor: undefined };
  } catch {
    return { name: text, actor: undefined };
  }
}

export function cancelRequestText(actor: Actor): string {
  return JSON.stringify(actorJson(actor));
}
