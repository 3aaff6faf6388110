// Data migration: redact checklist evidence stored before the evaluator redacted it (issue 18). Item messages in
// ChecklistRun.result and in ChecklistReview.evidence (the sign-off snapshot) lose URL userinfo, credential
// parameters of connection strings, YAML error excerpts and values whose origin is named as a Secret
// (lib/checklist/redact-text.ts — the Secret values themselves are not known here).
//
// Both tables carry a plain sha256 over their content (tamper evidence, not a signature). A row whose hash
// verified before is re-hashed after the change, and the change is recorded inside the hashed JSON
// (`redacted: { at, by }`), so it stays verifiable and says it was redacted. A row whose hash did not verify is
// redacted too but keeps its old hash: the migration must not launder tampering. The hash from before is not
// kept anywhere: with the rest of the row known it would let anyone test guesses of a short password offline.
import { sha256OfJson } from "../checklist/canonical-json";
import { redactPatterns } from "../checklist/redact-text";
import type { DataMigration, DataMigrationContext } from "./data-migrations";

const NAME = "data_0001_redact_checklist_secrets";
const PAGE = 200;

type Row = Record<string, unknown>;

interface Marker {
  at: string;
  by: string;
}

/** The stored timestamp as Date#toISOString() gives it (lib/checklist-service/store/runs.ts hashes that). */
export function isoOf(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v)).toISOString();
  const s = String(v);
  // SQLite's CURRENT_TIMESTAMP form is UTC without a zone.
  if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(s)) return new Date(`${s.replace(" ", "T")}Z`).toISOString();
  return new Date(s).toISOString();
}

/** Redact every item message of a stored run result or evidence document; true when something changed. */
function redactMessages(doc: { items?: unknown }): boolean {
  if (!Array.isArray(doc.items)) return false;
  let changed = false;
  for (const item of doc.items as Row[]) {
    if (typeof item.message !== "string") continue;
    const redacted = redactPatterns(item.message);
    if (redacted !== item.message) {
      item.message = redacted;
      changed = true;
    }
  }
  return changed;
}

function parse(text: unknown): Row | undefined {
  try {
    const v: unknown = JSON.parse(String(text));
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Row) : undefined;
  } catch {
    return undefined;
  }
}

/** lib/checklist-service/store/runs.ts runHash: sha256 over every column but id and hash. */
function runHash(row: Row, result: string): string {
  return sha256OfJson({
    cluster: row.cluster,
    namespace: row.namespace,
    release: row.release,
    at: isoOf(row.atValue),
    trigger: row.trigger,
    gate: row.gate,
    score: Number(row.score),
    signature: row.signature,
    result,
    facts: row.facts,
  });
}

async function pages(ctx: DataMigrationContext, select: string, each: (row: Row) => Promise<void>): Promise<void> {
  let after = "";
  for (;;) {
    const rows = await ctx.query(`${select} AND "id" > ? ORDER BY "id" LIMIT ${PAGE}`, [after]);
    for (const row of rows) await each(row);
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1].id);
  }
}

async function redactRuns(ctx: DataMigrationContext, marker: Marker): Promise<void> {
  const at =
    ctx.kind === "postgresql" ? `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "atValue"` : `"at" AS "atValue"`;
  const select = `SELECT "id", "cluster", "namespace", "release", ${at}, "trigger", "gate", "score", "signature", "result", "facts", "hash" FROM "ChecklistRun" WHERE 1 = 1`;
  await pages(ctx, select, async (row) => {
    const result = parse(row.result);
    if (!result || !redactMessages(result)) return;
    const verified = runHash(row, String(row.result)) === row.hash;
    result.redacted = marker;
    const text = JSON.stringify(result);
    const hash = verified ? runHash(row, text) : String(row.hash);
    await ctx.query(`UPDATE "ChecklistRun" SET "result" = ?, "hash" = ? WHERE "id" = ?`, [text, hash, String(row.id)]);
  });
}

async function redactReviews(ctx: DataMigrationContext, marker: Marker): Promise<void> {
  const select = `SELECT "id", "evidence", "evidenceHash" FROM "ChecklistReview" WHERE "evidence" IS NOT NULL`;
  await pages(ctx, select, async (row) => {
    const evidence = parse(row.evidence);
    if (!evidence) return;
    const { hash: oldHash, ...body } = evidence;
    const verified = sha256OfJson(body) === oldHash && oldHash === row.evidenceHash;
    if (!redactMessages(body)) return;
    body.redacted = marker;
    const hash = verified ? sha256OfJson(body) : String(oldHash);
    const text = JSON.stringify({ ...body, hash });
    const column = verified ? hash : (row.evidenceHash as string | null);
    await ctx.query(`UPDATE "ChecklistReview" SET "evidence" = ?, "evidenceHash" = ? WHERE "id" = ?`, [
      text,
      column,
      String(row.id),
    ]);
  });
}

export const redactChecklistSecrets: DataMigration = {
  name: NAME,
  after: "0005_shared_limits",
  description:
    "Redact item messages of ChecklistRun.result and ChecklistReview.evidence: URL userinfo, connection-string credentials, YAML error excerpts, values named as coming from a Secret; re-hash rows whose hash verified.",
  async run(ctx) {
    const marker = { at: ctx.now.toISOString(), by: `migration ${NAME}` };
    await redactRuns(ctx, marker);
    await redactReviews(ctx, marker);
  },
};
