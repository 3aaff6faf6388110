// The audit log. Append-only by construction: this module exports an insert and queries, and no
// other code writes AuditEvent rows. There is deliberately no update or delete here.
import { getDb, type Db } from "./client";
import type { AuditEvent } from "./generated/sqlite/client";
import { parseJsonObject, parseStringArray, toJsonText, type JsonObject } from "./json-text";

export type AuditOutcome = "success" | "failure" | "denied";

export interface AuditEventInput {
  /** Defaults to now. */
  at?: Date;
  requestId: string;
  /** Display name of who acted. */
  actor: string;
  actorSubject?: string | null;
  groups?: readonly string[];
  action: string;
  cluster?: string | null;
  resource?: string | null;
  namespace?: string | null;
  name?: string | null;
  reason?: string | null;
  token?: string | null;
  outcome: AuditOutcome;
  message?: string | null;
  detail?: JsonObject;
}

export interface AuditRecord extends Omit<AuditEvent, "groups" | "detail" | "outcome"> {
  groups: string[];
  detail: JsonObject;
  outcome: AuditOutcome;
}

export interface AuditQuery {
  /** Newest first; default 100, at most 10000. */
  limit?: number;
  /** Only events strictly before / at or after this time. */
  before?: Date;
  since?: Date;
  actor?: string;
  action?: string;
  cluster?: string;
  outcome?: AuditOutcome;
  /** Actor name contains this text. */
  actorContains?: string;
  /** Action starts with this text ("token." → token.create and token.revoke). */
  actionPrefix?: string;
  /** Cluster, resource, namespace or name contains this text. */
  target?: string;
  /** Continue after this row id (paging in the same order: newest first). */
  afterId?: string;
}

/** A client or an interactive-transaction client: anything with the auditEvent delegate. */
export type AuditStore = Pick<Db, "auditEvent">;

const OUTCOMES: readonly string[] = ["success", "failure", "denied"] satisfies AuditOutcome[];
const MAX_LIMIT = 10_000;

export async function recordAuditEvent(input: AuditEventInput, store?: AuditStore): Promise<AuditRecord> {
  const db = store ?? (await getDb());
  const row = await db.auditEvent.create({
    data: {
      at: input.at,
      requestId: input.requestId,
      actor: input.actor,
      actorSubject: input.actorSubject ?? null,
      groups: toJsonText([...(input.groups ?? [])]),
      action: input.action,
      cluster: input.cluster ?? null,
      resource: input.resource ?? null,
      namespace: input.namespace ?? null,
      name: input.name ?? null,
      reason: input.reason ?? null,
      token: input.token ?? null,
      outcome: input.outcome,
      message: input.message ?? null,
      detail: toJsonText(input.detail ?? {}),
    },
  });
  return toRecord(row);
}

export async function listAuditEvents(query: AuditQuery = {}, store?: AuditStore): Promise<AuditRecord[]> {
  const db = store ?? (await getDb());
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), MAX_LIMIT);
  const rows = await db.auditEvent.findMany({
    where: {
      at: { lt: query.before, gte: query.since },
      actor: query.actor ?? (query.actorContains ? { contains: query.actorContains } : undefined),
      action: query.action ?? (query.actionPrefix ? { startsWith: query.actionPrefix } : undefined),
      cluster: query.cluster,
      outcome: query.outcome,
      OR: query.target
        ? [
            { cluster: { contains: query.target } },
            { resource: { contains: query.target } },
            { namespace: { contains: query.target } },
            { name: { contains: query.target } },
          ]
        : undefined,
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    ...(query.afterId ? { cursor: { id: query.afterId }, skip: 1 } : {}),
    take: limit,
  });
  return rows.map(toRecord);
}

function toRecord(row: AuditEvent): AuditRecord {
  if (!OUTCOMES.includes(row.outcome)) throw new Error(`AuditEvent ${row.id}: unknown outcome ${row.outcome}`);
  return {
    ...row,
    outcome: row.outcome as AuditOutcome,
    groups: parseStringArray(row.groups, "AuditEvent.groups"),
    detail: parseJsonObject(row.detail, "AuditEvent.detail"),
  };
}
