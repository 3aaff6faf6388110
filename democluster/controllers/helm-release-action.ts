// One Helm install/upgrade as helm-controller runs it (helm pkg/action/install.go, upgrade.go): validate the
// coalesced values against the chart's values.schema.json (a refusal stores no revision), store the revision as
// pending-install/pending-upgrade, run the pre hooks, apply the manifest, wait for the workloads, run the post hooks
// (Jobs, in weight order), then deployed ("Install complete"/"Upgrade complete", the previous deployed revision
// superseded) or failed ("Release \"x\" failed: …"/"Upgrade \"x\" failed: …"), failure counters, remediation
// (uninstall after a failed install, rollback after a failed upgrade) and RetriesExceeded.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { removeCondition } from "../sim/conditions";
import type { JsonMap } from "../sim/objects";
import type { ChartVersion } from "./chart-catalog";
import type { Rendered, ReleaseRef, RenderedObject } from "./chart-objects";
import { renderChart } from "./helm-render";
import { waitForRelease } from "./helm-wait";
import {
  buildRecord,
  readRecord,
  setRecordStatus,
  storedRevisions,
  writeRecord,
  type ReleaseRecord,
} from "./helm-storage";
import { finishHook, hookState, hooksFor, runImmediateHooks, startHook, type HookEvent } from "./helm-hooks";
import { validateChartValues } from "./helm-values";
import { fluxCondition, markReady } from "./flux-common";
import {
  countersOf,
  exhausted,
  historyOf,
  markStalledRetries,
  releaseLabel,
  remediationOf,
  snapshotOf,
  writeCounters,
  type HelmAction,
  type Snapshot,
} from "./helm-release-status";
import { applyManifest, HC, inventoryEntries, rollback, uninstall } from "./helm-remediation";

export { HC, nextReleaseVersion, uninstall } from "./helm-remediation";

/** Helm's --wait timeout runs this many times faster than written (5m0s waits 10 s at time scale 1). */
export const TIMEOUT_COMPRESSION = 30;
const SLOW_FACTOR = 10;

export interface Flight {
  action: HelmAction;
  phase: "apply" | "wait" | "hooks";
  token?: string;
  generation: number;
  digest: string;
  chart: ChartVersion;
  values: JsonMap;
  ref: ReleaseRef;
  version: number;
  timeoutMs: number;
  deadline: number;
  started: number;
  disableWait: boolean;
  rendered?: Rendered;
  record?: ReleaseRecord;
  /** Post hooks still to run, the first one possibly started. */
  pending?: RenderedObject[];
  hookStarted?: boolean;
}

export interface ActionHost {
  ctx: SimContext;
  writeStatus(hr: KObject, fn: (status: JsonMap) => void): void;
}

export type StepResult = { done: false; nextMs: number } | { done: true; retryMs?: number };

export function stepFlight(host: ActionHost, hr: KObject, f: Flight): StepResult {
  const { ctx } = host;
  const budget = ctx.scheduler.scaled(f.timeoutMs / TIMEOUT_COMPRESSION);
  if (f.phase === "apply") {
    const invalid = validateChartValues(f.chart, f.values);
    if (invalid) return fail(host, hr, f, invalid);
    applyRelease(host, hr, f);
    f.phase = "wait";
    f.deadline = Date.now() + budget;
    return { done: false, nextMs: 500 };
  }
  const rendered = f.rendered as Rendered;
  const rec = f.record as ReleaseRecord;
  if (f.phase === "wait") {
    const wait = f.disableWait
      ? { ready: true }
      : waitForRelease(
          ctx,
          rendered.manifests.map((m) => m.object),
          [],
        );
    if (!wait.ready) return timedOut(host, hr, f, wait, budget, "context deadline exceeded");
    f.phase = "hooks";
    f.pending = hooksFor(rendered.hooks, `post-${f.action}` as HookEvent);
    f.deadline = Date.now() + budget;
  }
  while (f.pending && f.pending.length) {
    const hook = f.pending[0] as RenderedObject;
    if (!f.hookStarted) {
      startHook(ctx, rec, hook, HC);
      writeRecord(ctx, rec);
      f.hookStarted = true;
    }
    const state = hookState(ctx, hook);
    if (state === "running") {
      const wait = waitForRelease(ctx, [], [hook.object]);
      return timedOut(host, hr, f, wait, budget, "1 error occurred:\n\t* timed out waiting for the condition", true);
    }
    finishHook(ctx, rec, hook, state);
    writeRecord(ctx, rec);
    f.pending.shift();
    f.hookStarted = false;
    if (state === "failed")
      return fail(host, hr, f, hookFailure(f, `job ${hook.object.metadata.name} failed: BackoffLimitExceeded`));
  }
  return succeed(host, hr, f);
}

function hookFailure(f: Flight, error: string): string {
  return f.action === "install" ? `failed post-install: ${error}` : `post-upgrade hooks failed: ${error}`;
}

function timedOut(
  host: ActionHost,
  hr: KObject,
  f: Flight,
  wait: { stuck?: boolean; reason?: string },
  budget: number,
  error: string,
  hook = false,
): StepResult {
  // A release that is merely slow keeps waiting (up to SLOW_FACTOR x the budget); a stuck one fails at the deadline.
  const now = Date.now();
  if (now < f.deadline || (!wait.stuck && now < f.deadline + budget * (SLOW_FACTOR - 1)))
    return { done: false, nextMs: 500 };
  const reason = wait.reason ? `: ${wait.reason}` : "";
  return fail(host, hr, f, hook ? hookFailure(f, `${error}${reason}`) : `${error}${reason}`);
}

/** Stores the pending revision, runs the pre hooks and applies the manifest. */
function applyRelease(host: ActionHost, hr: KObject, f: Flight): void {
  const { ctx } = host;
  const rendered = renderChart(ctx, f.ref, f.chart, f.values);
  f.rendered = rendered;
  const now = new Date().toISOString();
  const deployed = storedRevisions(ctx, f.ref.namespace, f.ref.release).find((r) => r.status === "deployed");
  const previous = deployed ? readRecord(ctx, f.ref.namespace, f.ref.release, deployed.version) : undefined;
  const rec = buildRecord({
    release: f.ref.release,
    namespace: f.ref.namespace,
    version: f.version,
    status: f.action === "install" ? "pending-install" : "pending-upgrade",
    description: f.action === "install" ? "Initial install underway" : "Preparing upgrade",
    chart: f.chart,
    config: f.values,
    rendered,
    firstDeployed: f.action === "upgrade" && previous ? previous.info.first_deployed : now,
    lastDeployed: now,
  });
  f.record = rec;
  writeRecord(ctx, rec);
  runImmediateHooks(ctx, rec, hooksFor(rendered.hooks, `pre-${f.action}` as HookEvent), HC);
  writeRecord(ctx, rec);
  applyManifest(ctx, hr, f.ref, rendered.manifests);
  host.writeStatus(hr, (st) => {
    st.inventory = { entries: inventoryEntries(ctx, rendered.manifests) };
  });
}

function succeed(host: ActionHost, hr: KObject, f: Flight): StepResult {
  const { ctx } = host;
  const rec = f.record as ReleaseRecord;
  if (f.action === "upgrade")
    for (const r of storedRevisions(ctx, f.ref.namespace, f.ref.release))
      if (r.status === "deployed" && r.version !== f.version)
        setRecordStatus(ctx, f.ref.namespace, f.ref.release, r.version, "superseded");
  rec.info.status = "deployed";
  rec.info.description = f.action === "install" ? "Install complete" : "Upgrade complete";
  writeRecord(ctx, rec);
  const snap = snapshotOf(rec, f.action);
  const older = historyOf(hr)
    .filter((s) => s.version !== f.version && (f.action === "upgrade" ? s.status !== "failed" : false))
    .map((s) => (s.status === "deployed" ? { ...s, status: "superseded" } : s));
  const verb = f.action === "install" ? "install" : "upgrade";
  const msg = `Helm ${verb} succeeded for release ${releaseLabel(f.ref.namespace, f.ref.release, f.version)} with chart ${f.chart.name}@${f.chart.version}`;
  const reason = f.action === "install" ? "InstallSucceeded" : "UpgradeSucceeded";
  host.writeStatus(hr, (st) => {
    st.history = [snap, ...older].slice(0, 5);
    fluxCondition(st, hr, "Released", "True", reason, msg);
    removeCondition(st, "Remediated");
    markReady(st, hr, reason, msg);
    finishBookkeeping(st, f);
  });
  ctx.events.record(hr, "Normal", reason, msg, HC);
  return { done: true };
}

function fail(host: ActionHost, hr: KObject, f: Flight, error: string): StepResult {
  const { ctx } = host;
  const Verb = f.action === "install" ? "Install" : "Upgrade";
  const msg = `Helm ${f.action} failed for release ${releaseLabel(f.ref.namespace, f.ref.release)} with chart ${f.chart.name}@${f.chart.version}: ${error.trim()}`;
  const c = countersOf(hr);
  c.failures += 1;
  const rec = f.record;
  ctx.events.record(hr, "Warning", `${Verb}Failed`, msg, HC);
  if (!rec) {
    // Nothing was stored (e.g. a schema refusal): helm-controller returns the error and the request is retried
    // with backoff; no remediation counter moves, so this never stalls.
    host.writeStatus(hr, (st) => {
      writeCounters(st, c);
      fluxCondition(st, hr, "Released", "False", `${Verb}Failed`, msg);
      fluxCondition(st, hr, "Ready", "False", `${Verb}Failed`, msg);
      removeCondition(st, "Reconciling");
      finishBookkeeping(st, f);
    });
    return { done: true, retryMs: Math.min(300_000, 2000 * 2 ** Math.min(c.failures - 1, 8)) };
  }
  rec.info.status = "failed";
  rec.info.description =
    f.action === "install"
      ? `Release "${f.ref.release}" failed: ${error}`
      : `Upgrade "${f.ref.release}" failed: ${error}`;
  writeRecord(ctx, rec);
  if (f.action === "install") c.installFailures += 1;
  else c.upgradeFailures += 1;
  const rem = remediationOf(hr, f.action);
  const attempts = f.action === "install" ? c.installFailures : c.upgradeFailures;
  const isExhausted = exhausted(rem.retries, attempts);
  const remediate = !isExhausted || rem.remediateLastFailure;
  const failed = snapshotOf(rec, f.action);
  let nextHistory: Snapshot[] = [failed, ...historyOf(hr).filter((s) => s.status !== "failed")].slice(0, 5);
  let rollbackMsg: string | undefined;
  if (remediate && f.action === "install") uninstall(ctx, hr, f.ref, f.rendered);
  const good = storedRevisions(ctx, f.ref.namespace, f.ref.release).find((r) => r.status === "deployed");
  if (remediate && f.action === "upgrade" && good) {
    const back = rollback(ctx, hr, f.ref, good.version, f.version);
    if (back) {
      rollbackMsg = `Helm rollback to previous release ${releaseLabel(f.ref.namespace, f.ref.release, good.version)} with chart ${String(back.chart.metadata.name)}@${String(back.chart.metadata.version)} succeeded`;
      nextHistory = [
        snapshotOf(back, "rollback"),
        ...nextHistory.map((s) => (s.status === "deployed" ? { ...s, status: "superseded" } : s)),
      ].slice(0, 5);
      ctx.events.record(hr, "Normal", "RollbackSucceeded", rollbackMsg, HC);
    }
  }
  host.writeStatus(hr, (st) => {
    st.history = nextHistory;
    writeCounters(st, c);
    fluxCondition(st, hr, "Released", "False", `${Verb}Failed`, msg);
    if (rollbackMsg) {
      fluxCondition(st, hr, "Remediated", "True", "RollbackSucceeded", rollbackMsg);
      fluxCondition(st, hr, "Ready", "False", "RollbackSucceeded", rollbackMsg);
    } else {
      fluxCondition(st, hr, "Ready", "False", `${Verb}Failed`, msg);
    }
    removeCondition(st, "Reconciling");
    if (isExhausted) markStalledRetries(st, hr, f.action, attempts);
    finishBookkeeping(st, f);
  });
  return isExhausted ? { done: true } : { done: true, retryMs: ctx.delay(1000, 2000) };
}

function finishBookkeeping(st: JsonMap, f: Flight): void {
  st.observedGeneration = f.generation;
  if (f.token !== undefined) st.lastHandledReconcileAt = f.token;
  st.storageNamespace = f.ref.namespace;
}
