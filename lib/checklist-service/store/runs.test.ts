import { describe, expect, it } from "vitest";
import { evaluateChecklist, snapshotFacts } from "@/lib/checklist";
import { FIXTURE_NOW, loadSnapshot } from "@/lib/checklist/fixtures/load";
import type { ChecklistRun } from "@/lib/db/generated/sqlite/client";
import { compactResult, runHash, signatureOf, verifyRunHash } from "./runs";

function evaluated(now = FIXTURE_NOW) {
  const snapshot = loadSnapshot("airflow3-production.yaml", now);
  return {
    result: evaluateChecklist(snapshot, { attestations: [], waivers: [] }, now),
    facts: snapshotFacts(snapshot),
  };
}

describe("run signatures and hashes", () => {
  it("the signature ignores the evaluation time but not an item's status or the release facts", () => {
    const a = evaluated();
    const b = evaluated("2025-06-20T08:00:30Z");
    expect(signatureOf(b.result, b.facts)).toBe(signatureOf(a.result, a.facts));
    const changed = {
      ...a.result,
      items: a.result.items.map((i, n) => (n === 0 ? { ...i, status: "fail" as const } : i)),
    };
    expect(signatureOf(changed, a.facts)).not.toBe(signatureOf(a.result, a.facts));
    expect(signatureOf(a.result, { ...a.facts, valuesDigest: "sha256:other" })).not.toBe(
      signatureOf(a.result, a.facts),
    );
  });

  it("the compact result keeps id, title, part, status, blocking and message of every item", () => {
    const { result } = evaluated();
    const compact = compactResult(result);
    expect(compact.items).toHaveLength(result.items.length);
    expect(Object.keys(compact.items[0]).sort()).toEqual(["blocking", "id", "message", "part", "status", "title"]);
    expect(compact.counts).toEqual(result.counts);
  });

  it("a stored run's hash verifies, and any change to a column breaks it", () => {
    const { result, facts } = evaluated();
    const at = new Date(result.evaluatedAt);
    const cols = {
      cluster: "demo",
      namespace: "airflow",
      release: "airflow",
      at: at.toISOString(),
      trigger: "change",
      gate: result.gate,
      score: result.score,
      signature: signatureOf(result, facts),
      result: JSON.stringify(compactResult(result)),
      facts: JSON.stringify(facts),
    };
    const row: ChecklistRun = { ...cols, id: "r1", at, hash: runHash(cols) };
    expect(verifyRunHash(row)).toBe(true);
    expect(verifyRunHash({ ...row, score: row.score + 1 })).toBe(false);
    expect(verifyRunHash({ ...row, result: row.result.replace('"pass"', '"fail"') })).toBe(false);
    expect(verifyRunHash({ ...row, at: new Date(at.getTime() + 1000) })).toBe(false);
  });
});
