// GET …/history: stored runs, newest first, each with what changed since the run before it and whether its
// stored hash still matches its content.
import "server-only";
import { diffRuns, type SnapshotFacts } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import type { ChecklistRun } from "@/lib/db/generated/sqlite/client";
import { requireSubject } from "./access";
import type { HistoryEntry, HistoryResponse } from "./api-types";
import { jsonValue } from "./store/json";
import { listRuns, verifyRunHash, type RunResult } from "./store/runs";
import { keyOf } from "./subjects";

function resultOf(row: ChecklistRun): RunResult {
  const value = jsonValue(row.result, "ChecklistRun.result");
  if (!value || typeof value !== "object" || !Array.isArray((value as RunResult).items))
    throw new Error(`ChecklistRun ${row.id}: result has no items`);
  return value as RunResult;
}

function gateOf(row: ChecklistRun): "pass" | "fail" {
  if (row.gate === "pass" || row.gate === "fail") return row.gate;
  throw new Error(`ChecklistRun ${row.id}: unknown gate ${row.gate}`);
}

export async function history(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  limit: number,
): Promise<HistoryResponse> {
  const { release } = await requireSubject(cluster, user, namespace, name);
  const rows = await listRuns(keyOf(cluster, release), limit);
  const results = rows.map(resultOf);
  const runs: HistoryEntry[] = rows.slice(0, limit).map((row, i) => ({
    id: row.id,
    at: row.at.toISOString(),
    trigger: row.trigger,
    gate: gateOf(row),
    score: row.score,
    counts: results[i].counts,
    changes: diffRuns(results[i + 1], results[i]),
    facts: jsonValue(row.facts, "ChecklistRun.facts") as SnapshotFacts,
    hash: row.hash,
    hashVerified: verifyRunHash(row),
  }));
  return { runs };
}
