// The data migration data_0001_redact_checklist_secrets (lib/db/redact-checklist-migration.ts) on a real database:
// SQLite by default, PostgreSQL when DATABASE_URL is a postgres(ql):// URL. Rows are written the way the app
// wrote them before redaction existed (real evaluator output, real run and evidence hashes, legacy messages as the
// old checks printed them); then the migration runs as at startup and the rows must hold no credential, still
// verify, and say they were redacted. A row whose hash did not verify must not verify afterwards either.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildEvidenceSnapshot, verifyEvidenceHash, type EvidenceSnapshot } from "@/lib/checklist";
import { scenario } from "@/lib/checklist/fixtures/mutate";
import { snapshotFacts } from "@/lib/checklist/signoff";
import type { ChecklistResult } from "@/lib/checklist/types";
import { compactResult, runHash, signatureOf, verifyRunHash } from "@/lib/checklist-service/store/runs";
import { openDb, type Db } from "@/lib/db/client";
import { redactChecklistSecrets } from "@/lib/db/redact-checklist-migration";
import { migrate } from "@/lib/db/migrate";
import { createTestDatabase, testKind, type TestDatabase } from "./db-test-database";

const NAME = redactChecklistSecrets.name;
const TOKEN = `ghp_${randomBytes(12).toString("hex")}`;
const PASSWORD = `pw${randomBytes(8).toString("hex")}`;
const YAML_CANARY = `cnry${randomBytes(8).toString("hex")}`;

/** The yaml package's real message for a broken values Secret (values.ts quotes it in pre.values-sources). */
function yamlProblem(): string {
  try {
    parseYaml(`dags:\n  gitSync:\n    branch: ${YAML_CANARY}\n  - bad\n`);
  } catch (e) {
    return `Secret 'airflow-values' key 'values.yaml' is not a YAML map: ${(e as Error).message}`;
  }
  throw new Error("the YAML parsed");
}

/** What the evaluator printed before redaction (lib/checklist/checks part-2, part-3, pre-deployment). */
const LEGACY: Record<string, string> = {
  "gitsync.enabled": `git-sync pulls https://x-access-token:${TOKEN}@github.com/acme/airflow-dags.git`,
  "logging.remote-conn-id": `Connection id host=airflow-db.prod.internal port=5432 user=airflow password=${PASSWORD} sslmode=require`,
  "pre.values-sources": yamlProblem(),
};

function legacyResult(): ChecklistResult {
  const r = scenario("airflow3-production.yaml").evaluate();
  return { ...r, items: r.items.map((i) => (LEGACY[i.id] ? { ...i, message: LEGACY[i.id] } : i)) };
}

const at = new Date("2025-06-20T08:00:00.123Z");
const subject = { cluster: "demo", namespace: "airflow", release: "airflow" };

/** Insert a run exactly as lib/checklist-service/store/runs.ts recordRun does. */
async function insertRun(db: Db, result: ChecklistResult, tamper = false): Promise<string> {
  const facts = { valuesDigest: "sha256:00" };
  const row = {
    ...subject,
    at: at.toISOString(),
    trigger: "change",
    gate: result.gate,
    score: result.score,
    signature: signatureOf(result, facts),
    result: JSON.stringify(compactResult(result)),
    facts: JSON.stringify(facts),
  };
  const hash = runHash(row);
  const created = await db.checklistRun.create({
    data: { ...row, at, hash, score: tamper ? row.score + 1 : row.score },
  });
  return created.id;
}

/** An approved review with its evidence, as lib/checklist-service/review.ts decide() writes it. */
async function insertReview(db: Db, result: ChecklistResult): Promise<string> {
  const s = scenario("airflow3-production.yaml");
  const snap = buildEvidenceSnapshot(result, s.snapshot(), { name: "adam", groups: ["platform"] }, at.toISOString());
  const row = await db.checklistReview.create({
    data: {
      ...subject,
      requestedBy: "olga",
      requestedBySubject: "demo:olga",
      state: "approved",
      decidedBy: "adam",
      decidedBySubject: "demo:adam",
      decidedAt: at,
      evidence: JSON.stringify(snap),
      evidenceHash: snap.hash,
      expiresAt: new Date(snap.expiresAt),
    },
  });
  return row.id;
}

let database: TestDatabase;
let db: Db;
const ids: Record<string, string> = {};
let firstRun: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = await openDb(database.url);
  ids.run = await insertRun(db, legacyResult());
  ids.tampered = await insertRun(db, legacyResult(), true);
  ids.clean = await insertRun(db, scenario("airflow3-production.yaml").evaluate());
  ids.review = await insertReview(db, legacyResult());
  // Stored before the migration existed: forget that this fresh database already ran it, then start again.
  await database.query(`DELETE FROM "_fluxtower_migrations" WHERE "name" = '${NAME}'`);
  firstRun = (await migrate(database.url)).applied;
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

function leaks(text: string): string[] {
  return [TOKEN, PASSWORD, YAML_CANARY].filter((c) => text.includes(c));
}

describe(`${NAME} on ${testKind}`, () => {
  it("runs once at startup through migrate() and is recorded", async () => {
    expect(firstRun).toEqual([NAME]);
    const rows = await database.query(`SELECT "checksum" FROM "_fluxtower_migrations" WHERE "name" = '${NAME}'`);
    expect(rows).toHaveLength(1);
    expect(String(rows[0].checksum)).toMatch(/^[0-9a-f]{64}$/);
    expect((await migrate(database.url)).applied).toEqual([]);
  });

  it("redacts a run, re-hashes it and records the redaction in the hashed result", async () => {
    const row = await db.checklistRun.findUniqueOrThrow({ where: { id: ids.run } });
    expect(leaks(row.result)).toEqual([]);
    expect(verifyRunHash(row)).toBe(true);
    const result = JSON.parse(row.result) as { items: { id: string; message: string }[]; redacted: unknown };
    expect(result.redacted).toEqual({ at: expect.any(String), by: `migration ${NAME}` });
    const message = (id: string) => result.items.find((i) => i.id === id)?.message;
    expect(message("gitsync.enabled")).toBe("git-sync pulls https://github.com/acme/airflow-dags.git");
    expect(message("logging.remote-conn-id")).toContain("password=*** sslmode=require");
    expect(message("pre.values-sources")).toMatch(/at line 4, column 1 \(source excerpt not shown\)$/);
  });

  it("redacts a row whose hash did not verify, without making it verify", async () => {
    const row = await db.checklistRun.findUniqueOrThrow({ where: { id: ids.tampered } });
    expect(leaks(row.result)).toEqual([]);
    expect(verifyRunHash(row)).toBe(false);
  });

  it("leaves a row with nothing to redact byte for byte", async () => {
    const row = await db.checklistRun.findUniqueOrThrow({ where: { id: ids.clean } });
    expect(row.result).not.toContain("redacted");
    expect(verifyRunHash(row)).toBe(true);
    expect(row.at.toISOString()).toBe(at.toISOString());
  });

  it("redacts the sign-off evidence; its hash and the row's evidenceHash verify again", async () => {
    const row = await db.checklistReview.findUniqueOrThrow({ where: { id: ids.review } });
    expect(leaks(row.evidence ?? "")).toEqual([]);
    const evidence = JSON.parse(row.evidence ?? "{}") as EvidenceSnapshot & { redacted?: unknown };
    expect(verifyEvidenceHash(evidence)).toBe(true);
    expect(evidence.hash).toBe(row.evidenceHash);
    expect(evidence.redacted).toEqual({ at: expect.any(String), by: `migration ${NAME}` });
    // The sign-off still pins the same release state (facts are not touched).
    expect(evidence.facts).toEqual(snapshotFacts(scenario("airflow3-production.yaml").snapshot()));
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await database.query(`SELECT "id", "result", "hash" FROM "ChecklistRun" ORDER BY "id"`);
    const reviews = await database.query(`SELECT "evidence", "evidenceHash" FROM "ChecklistReview"`);
    await database.query(`DELETE FROM "_fluxtower_migrations" WHERE "name" = '${NAME}'`);
    expect((await migrate(database.url)).applied).toEqual([NAME]);
    expect(await database.query(`SELECT "id", "result", "hash" FROM "ChecklistRun" ORDER BY "id"`)).toEqual(before);
    expect(await database.query(`SELECT "evidence", "evidenceHash" FROM "ChecklistReview"`)).toEqual(reviews);
  });
});
