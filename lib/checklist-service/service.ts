// Read paths of the checklist API: one release (evaluated now), the subjects of a cluster or of all clusters,
// and "re-evaluate now". Every evaluation goes through evaluateRelease, records a run when the result changed
// and checks the sign-off, so the API, the page, exports and the monitor all apply the same rules.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { allClusterCaches } from "@/lib/k8s/cache/registry";
import { requireCluster } from "@/lib/cluster-view/visibility";
import { canSeeReleases, requireSubject } from "./access";
import type { ChecklistListResponse, ChecklistSubjectView, ChecklistView, SignoffView } from "./api-types";
import { evaluateRelease, type Evaluation } from "./evaluate";
import { publishEvaluation } from "./feed";
import { checklistMonitor } from "./monitor";
import { signoffOf } from "./signoff";
import { recordRun, type RunTrigger } from "./store/runs";
import { discoverSubjects } from "./subjects";
import { checklistView, streamEvent, subjectView } from "./views";

export interface Evaluated {
  ev: Evaluation;
  signoff: SignoffView;
  stored: boolean;
}

/**
 * Evaluate, record the run (when changed, or always with `force`) and the sign-off state. While the cluster
 * cache is still syncing nothing is recorded: a half-filled cache would look like regressions.
 */
export async function evaluateAndRecord(
  cache: ClusterCache,
  release: KubeObject,
  trigger: RunTrigger,
  force = false,
): Promise<Evaluated> {
  checklistMonitor(cache);
  const now = new Date();
  const ev = await evaluateRelease(cache, release, now);
  const record = cache.synced();
  const run = record
    ? await recordRun(ev.subject, ev.result, ev.facts, trigger, force)
    : { stored: false, signature: "" };
  const signoff = await signoffOf(ev, now, record);
  if (run.stored) publishEvaluation(streamEvent(ev, signoff, run.signature));
  return { ev, signoff, stored: run.stored };
}

/** GET one release's checklist (404 when missing or not visible). */
export async function getChecklist(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
): Promise<ChecklistView> {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const { ev, signoff } = await evaluateAndRecord(cache, release, "change");
  return checklistView(ev, signoff, user, cache);
}

/** POST …/evaluate: evaluate now and always store the run. */
export async function reevaluate(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
): Promise<ChecklistView & { stored: boolean }> {
  const { cache, release } = await requireSubject(cluster, user, namespace, name);
  const { ev, signoff, stored } = await evaluateAndRecord(cache, release, "manual", true);
  return { ...checklistView(ev, signoff, user, cache), stored };
}

/** The Airflow releases of one cluster the user may see, each evaluated now. */
export async function listClusterSubjects(cache: ClusterCache, user: Principal): Promise<ChecklistSubjectView[]> {
  const subjects = discoverSubjects(cache);
  const visible = await Promise.all(
    subjects.map((hr) => canSeeReleases(cache.id, user, hr.metadata.namespace ?? "default")),
  );
  const shown = subjects.filter((_, i) => visible[i]);
  const out = await Promise.all(
    shown.map(async (hr) => {
      const { ev, signoff } = await evaluateAndRecord(cache, hr, "change");
      return subjectView(ev, signoff);
    }),
  );
  return out;
}

export async function listSubjects(cluster: string, user: Principal): Promise<ChecklistListResponse> {
  return { subjects: await listClusterSubjects(requireCluster(cluster), user), errors: [] };
}

/** Every cluster: subjects plus, per failing cluster, why. */
export async function listAllSubjects(user: Principal): Promise<ChecklistListResponse> {
  const results = await Promise.all(
    allClusterCaches().map(async (cache) => {
      try {
        return { subjects: await listClusterSubjects(cache, user), errors: [] };
      } catch (err) {
        return {
          subjects: [],
          errors: [{ cluster: cache.id, message: err instanceof Error ? err.message : String(err) }],
        };
      }
    }),
  );
  return { subjects: results.flatMap((r) => r.subjects), errors: results.flatMap((r) => r.errors) };
}
