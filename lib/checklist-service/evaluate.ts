// One evaluation of one release: snapshot from the cache, human input from the database, the pure evaluator.
import "server-only";
import {
  chartSupport,
  evaluateChecklist,
  unsupportedResult,
  type ChartSupport,
  snapshotFacts,
  type ChecklistResult,
  type ChecklistSnapshot,
  type SnapshotFacts,
} from "@/lib/checklist";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { waiverMaxDays } from "./limits";
import { assembleSnapshot } from "./snapshot";
import { listAttestations } from "./store/attestations";
import { listWaivers, toWaiver, type WaiverRow } from "./store/waivers";
import { keyOf, type SubjectKey } from "./subjects";

export interface Evaluation {
  subject: SubjectKey;
  release: KubeObject;
  snapshot: ChecklistSnapshot;
  result: ChecklistResult;
  facts: SnapshotFacts;
  waivers: WaiverRow[];
  /** Official chart, or why the release is not judged (community chart `airflow-helm/charts`). */
  support: ChartSupport;
}

/** Evaluate a release now (the same path for the page, the API, the monitor, exports and sign-off). */
export async function evaluateRelease(cache: ClusterCache, release: KubeObject, now = new Date()): Promise<Evaluation> {
  const subject = keyOf(cache.id, release);
  const [snapshot, attestations, waivers] = await Promise.all([
    assembleSnapshot(cache.id, cache, release, now),
    listAttestations(subject),
    listWaivers(subject),
  ]);
  const support = chartSupport(snapshot);
  const evaluated = evaluateChecklist(snapshot, { attestations, waivers: waivers.map(toWaiver) }, now.toISOString(), {
    maxWaiverDays: waiverMaxDays(),
  });
  const result = support.supported ? evaluated : unsupportedResult(evaluated);
  return { subject, release, snapshot, result, facts: snapshotFacts(snapshot), waivers, support };
}
