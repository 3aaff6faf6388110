// Post-deployment: all Airflow pods ready, no crash loops, no recent restarts, smoke test attested.

import type { KubeObject } from "../../kinds/object";
import type { EvalContext } from "../context";
import { isBadWaitingReason, podContainers, podPhase, podReady, refOf, timeMs } from "../kube-readers";
import type { Check, CheckOutcome, Evidence } from "../types";
import { ev, fail, pass, warn } from "./outcome";

const PART = { part: "post", partTitle: "Post-deployment verification" } as const;

const MAX_LISTED = 10;

/**
 * Non-terminal pods of the release. Succeeded/Failed pods (finished Jobs, KubernetesExecutor task pods, evicted
 * pods already replaced by their controller) are left out; crash loops show up as Running pods.
 */
function runningPods(ctx: EvalContext): KubeObject[] {
  return ctx.pods().filter((p) => podPhase(p) !== "Succeeded" && podPhase(p) !== "Failed");
}

function listed(names: string[]): string {
  return names.length > MAX_LISTED
    ? `${names.slice(0, MAX_LISTED).join(", ")} and ${names.length - MAX_LISTED} more`
    : names.join(", ");
}

function podsReadyOutcome(ctx: EvalContext): CheckOutcome {
  const pods = runningPods(ctx);
  if (!pods.length) return fail(`No Airflow pods found for release ${ctx.releaseName}`);
  const notReady = pods.filter((p) => !podReady(p));
  const evidence: Evidence[] = notReady
    .slice(0, MAX_LISTED)
    .map((p) => ev(`Pod ${p.metadata.name}: phase ${podPhase(p)}, not ready`, refOf(p)));
  if (notReady.length)
    return fail(
      `${notReady.length} of ${pods.length} pod(s) not ready: ${listed(notReady.map((p) => p.metadata.name))}`,
      evidence,
    );
  return pass(`All ${pods.length} Airflow pod(s) ready`, [ev(`${pods.length} pod(s) ready`)]);
}

/** All long-running Airflow pods of the release are Ready. */
export const podsReady: Check = {
  ...PART,
  id: "post.pods-ready",
  version: 1,
  title: "All Airflow pods healthy",
  why: "Every component must be up before the release is called production-ready.",
  mode: "auto",
  severity: "high",
  blocking: true,
  fix: { text: "Inspect the pods' events and logs; missing Secrets and failed migrations are the usual causes." },
  evaluate: (_snapshot, ctx) => podsReadyOutcome(ctx),
};

/** No container is waiting in CrashLoopBackOff / ImagePullBackOff / *Error. */
export const noCrashLoop: Check = {
  ...PART,
  id: "post.no-crashloop",
  version: 1,
  title: "No container crash-looping",
  why: "A crash-looping component (often a missing Secret key or a bad connection string) is an outage in progress.",
  mode: "auto",
  severity: "critical",
  blocking: true,
  fix: { text: "Read the previous container logs (`kubectl logs --previous`) and the pod events." },
  evaluate(_snapshot, ctx) {
    const evidence: Evidence[] = [];
    for (const pod of ctx.pods()) {
      for (const c of podContainers(pod)) {
        if (isBadWaitingReason(c.waitingReason))
          evidence.push(
            ev(`${pod.metadata.name}/${c.name}: ${c.waitingReason}, ${c.restartCount} restart(s)`, refOf(pod)),
          );
      }
    }
    return evidence.length
      ? fail(`${evidence.length} container(s) failing to start`, evidence.slice(0, MAX_LISTED))
      : pass("No container is crash-looping");
  },
};

/** No container restarted since the previous evaluation (`since`, default one hour). */
export const noRecentRestarts: Check = {
  ...PART,
  id: "post.no-recent-restarts",
  version: 1,
  title: "No restarts since the last evaluation",
  why: "Restarts between evaluations point at probes, memory limits or dependencies that flap.",
  mode: "auto",
  severity: "medium",
  blocking: false,
  fix: {
    text: "Look at the last termination reason (OOMKilled → raise memory; Error → logs of the previous container).",
  },
  evaluate(_snapshot, ctx) {
    const since = timeMs(ctx.since);
    const evidence: Evidence[] = [];
    for (const pod of ctx.pods()) {
      for (const c of podContainers(pod)) {
        const at = timeMs(c.lastTerminatedAt);
        if (!Number.isNaN(at) && at > since) {
          evidence.push(
            ev(
              `${pod.metadata.name}/${c.name}: restarted at ${c.lastTerminatedAt} (${c.lastTerminatedReason ?? "unknown reason"}), ${c.restartCount} total`,
              refOf(pod),
            ),
          );
        }
      }
    }
    return evidence.length
      ? warn(`${evidence.length} container(s) restarted since ${ctx.since}`, evidence.slice(0, MAX_LISTED))
      : pass(`No restarts since ${ctx.since}`);
  },
};

/** Hybrid: a test task ran and its logs/metrics were seen, once all pods are ready. */
export const smokeTest: Check = {
  ...PART,
  id: "post.smoke-test",
  version: 1,
  title: "Smoke test attested (task, logs, metrics)",
  why: "Only an actual task run proves that scheduling, remote log upload and metrics work end to end.",
  mode: "hybrid",
  severity: "medium",
  blocking: true,
  attestationFields: [
    { id: "testRun", label: "Test task executed (DAG / run id)", type: "text", required: true },
    { id: "dagsSynced", label: "DAGs synced successfully", type: "boolean", required: true, expect: "true" },
    { id: "logsVisible", label: "Logs appearing in remote storage", type: "boolean", required: true, expect: "true" },
    { id: "metricsVisible", label: "Metrics visible in monitoring", type: "boolean", required: true, expect: "true" },
  ],
  evaluate(_snapshot, ctx) {
    const pre = podsReadyOutcome(ctx);
    if (pre.status !== "pass") return fail(`Pre-check: ${pre.message}`, pre.evidence);
    return pass("All pods are ready; a smoke test needs a person's attestation", pre.evidence);
  },
};

/** Post-deployment checks in display order. */
export const POST_CHECKS: readonly Check[] = [podsReady, noCrashLoop, noRecentRestarts, smokeTest];
