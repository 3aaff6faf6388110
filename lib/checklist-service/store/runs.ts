// ChecklistRun rows: one per evaluation whose result differs from the release's previous run (or a forced
// "re-evaluate now"). A keyed lock makes the compare-and-insert safe against concurrent evaluations.
import "server-only";
import { sha256OfJson, type ChecklistResult, type SnapshotFacts } from "@/lib/checklist";
import { KeyedMutex } from "@/lib/actions/lock";
import { getDb } from "@/lib/db/client";
import type { ChecklistRun } from "@/lib/db/generated/sqlite/client";
import { subjectId, type SubjectKey } from "../subjects";

export type RunTrigger = "change" | "manual" | "input";

/** The compact per-run record of items (enough for the timeline and diffs). */
export interface RunResult {
  counts: ChecklistResult["counts"];
  items: {
    id: string;
    title: string;
    part: string;
    status: ChecklistResult["items"][number]["status"];
    blocking: boolean;
    message: string;
  }[];
}

const holder = globalThis as unknown as { fluxtowerChecklistRunLocks?: KeyedMutex };
const locks = (holder.fluxtowerChecklistRunLocks ??= new KeyedMutex());

/** Equal signatures = same result: gate, score, every item's status, and the release facts. */
export function signatureOf(result: ChecklistResult, facts: SnapshotFacts): string {
  return sha256OfJson({
    gate: result.gate,
    score: result.score,
    items: result.items.map((i) => [i.id, i.status]),
    facts: { ...facts },
  });
}

export function compactResult(result: ChecklistResult): RunResult {
  return {
    counts: { ...result.counts },
    items: result.items.map((i) => ({
      id: i.id,
      title: i.title,
      part: i.part,
      status: i.status,
      blocking: i.blocking,
      message: i.message,
    })),
  };
}

interface HashInput {
  cluster: string;
  namespace: string;
  release: string;
  at: string;
  trigger: string;
  gate: string;
  score: number;
  signature: string;
  result: string;
  facts: string;
}

/** The hash stored with a run: sha256 over every other column's canonical value. */
export function runHash(r: HashInput): string {
  return sha256OfJson({ ...r });
}

export function verifyRunHash(row: ChecklistRun): boolean {
  const { id: _id, hash, at, ...rest } = row;
  return runHash({ ...rest, at: at.toISOString() }) === hash;
}

/** Insert a run unless the newest stored run has the same signature (`force` always inserts). */
export async function recordRun(
  s: SubjectKey,
  result: ChecklistResult,
  facts: SnapshotFacts,
  trigger: RunTrigger,
  force = false,
): Promise<{ stored: boolean; signature: string }> {
  const signature = signatureOf(result, facts);
  return locks.run(subjectId(s), async () => {
    const db = await getDb();
    if (!force) {
      const last = await db.checklistRun.findFirst({
        where: { cluster: s.cluster, namespace: s.namespace, release: s.release },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: { signature: true },
      });
      if (last?.signature === signature) return { stored: false, signature };
    }
    const at = new Date(result.evaluatedAt);
    const row: HashInput = {
      cluster: s.cluster,
      namespace: s.namespace,
      release: s.release,
      at: at.toISOString(),
      trigger,
      gate: result.gate,
      score: result.score,
      signature,
      result: JSON.stringify(compactResult(result)),
      facts: JSON.stringify(facts),
    };
    await db.checklistRun.create({ data: { ...row, at, hash: runHash(row) } });
    return { stored: true, signature };
  });
}

/** The newest runs of a release, newest first (one extra older run is returned for the last diff). */
export async function listRuns(s: SubjectKey, limit: number): Promise<ChecklistRun[]> {
  const db = await getDb();
  return db.checklistRun.findMany({
    where: { cluster: s.cluster, namespace: s.namespace, release: s.release },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
}
