// One Helm install/upgrade as helm-controller runs it: render and apply (phase "apply"), then wait for workloads
// and hook Jobs until ready or the (simulation-compressed) timeout; then record success or failure, failure
// counters, remediation (uninstall after a failed install, rollback after a failed upgrade) and RetriesExceeded.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { inventoryId, parseInventoryId, resolveKind, R } from "../sim/resources";
import { asMap, asMaps, asString, statusOf, type JsonMap } from "../sim/objects";
import { removeCondition } from "../sim/conditions";
import { applyObject } from "../sim/apply";
import { StatusError } from "../store/errors";
import type { ChartVersion } from "./chart-catalog";
import type { Rendered, ReleaseRef } from "./chart-objects";
import { renderChart } from "./helm-render";
import { validateValues } from "./helm-values";
import { waitForRelease } from "./helm-wait";
import { deleteReleases, setReleaseStatus, writeRelease } from "./helm-storage";
import { fluxCondition, markReady } from "./flux-common";
import {
  countersOf,
  exhausted,
  historyOf,
  makeSnapshot,
  markStalledRetries,
  releaseLabel,
  remediationOf,
  writeCounters,
  type HelmAction,
  type Snapshot,
} from "./helm-release-status";

export const HC = "helm-controller";
/** Helm's --wait timeout runs this many times faster than written (5m0s waits 10 s at time scale 1). */
export const TIMEOUT_COMPRESSION = 30;
const SLOW_FACTOR = 10;

export interface Flight {
  action: HelmAction;
  phase: "apply" | "wait";
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
}

export interface ActionHost {
  ctx: SimContext;
  writeStatus(hr: KObject, fn: (status: JsonMap) => void): void;
  /** Remembers the last successful release for rollbacks. */
  lastGood: Map<string, { chart: ChartVersion; values: JsonMap; digest: string }>;
}

export type StepResult = { done: false; nextMs: number } | { done: true; retryMs?: number };

export function stepFlight(host: ActionHost, hr: KObject, f: Flight): StepResult {
  if (f.phase === "apply") {
    const invalid = validateValues(f.chart.name, f.values);
    if (invalid) return fail(host, hr, f, invalid, false);
    f.rendered = renderChart(host.ctx, f.ref, f.chart, f.values);
    applyRendered(host.ctx, hr, f);
    f.phase = "wait";
    f.deadline = Date.now() + host.ctx.scheduler.scaled(f.timeoutMs / TIMEOUT_COMPRESSION);
    return { done: false, nextMs: 500 };
  }
  const rendered = f.rendered as Rendered;
  const wait = f.disableWait ? { ready: true } : waitForRelease(host.ctx, rendered.manifests, rendered.postHooks);
  if (wait.ready) return succeed(host, hr, f);
  // A release that is merely slow keeps waiting (up to SLOW_FACTOR x the budget); a stuck one fails at the deadline.
  const now = Date.now();
  const budget = host.ctx.scheduler.scaled(f.timeoutMs / TIMEOUT_COMPRESSION);
  if (now < f.deadline || (!wait.stuck && now < f.deadline + budget * (SLOW_FACTOR - 1)))
    return { done: false, nextMs: 500 };
  const reason = "reason" in wait && wait.reason ? `: ${wait.reason}` : "";
  const msg =
    "hookPending" in wait && wait.hookPending
      ? `failed post-${f.action}: 1 error occurred:\n\t* timed out waiting for the condition${reason}`
      : `context deadline exceeded${reason}`;
  return fail(host, hr, f, msg, true);
}

function applyRendered(ctx: SimContext, hr: KObject, f: Flight): void {
  const r = f.rendered as Rendered;
  for (const hook of r.preHooks) {
    const kind = resolveKind(ctx.store, hook.apiVersion, hook.kind);
    if (kind && !ctx.store.get(kind.key, hook.metadata.namespace, hook.metadata.name))
      ctx.store.create(kind.key, hook, { fieldManager: HC });
  }
  const previous = inventoryOf(hr);
  const current = new Set<string>();
  for (const m of r.manifests) {
    const kind = resolveKind(ctx.store, m.apiVersion, m.kind);
    if (!kind) continue;
    applyObject(ctx.store, kind.key, m, { manager: HC });
    current.add(inventoryId(m.metadata.namespace, m.metadata.name, kind.group, kind.kind));
  }
  deleteInventory(
    ctx,
    previous.filter((e) => !current.has(e.id)),
  );
  for (const job of r.postHooks) {
    if (ctx.store.get(R.jobs, job.metadata.namespace, job.metadata.name))
      ctx.store.delete(R.jobs, job.metadata.namespace, job.metadata.name);
    ctx.store.create(R.jobs, job, { fieldManager: HC });
  }
  writeRelease(ctx, {
    namespace: f.ref.namespace,
    release: f.ref.release,
    version: f.version,
    status: `pending-${f.action}`,
    chart: f.chart,
    config: f.values,
    manifests: r.manifests,
    firstDeployed: new Date().toISOString(),
    lastDeployed: new Date().toISOString(),
    description: `${f.action === "install" ? "Initial install" : "Upgrade"} underway`,
  });
}

function succeed(host: ActionHost, hr: KObject, f: Flight): StepResult {
  const { ctx } = host;
  const r = f.rendered as Rendered;
  for (const job of r.postHooks) deleteQuietly(ctx, R.jobs, job.metadata.namespace, job.metadata.name); // hook-succeeded
  const history = historyOf(hr);
  const prevDeployed = history.find((s) => s.status === "deployed");
  if (prevDeployed) setReleaseStatus(ctx, f.ref.namespace, f.ref.release, prevDeployed.version, "superseded");
  setReleaseStatus(ctx, f.ref.namespace, f.ref.release, f.version, "deployed");
  const snap = makeSnapshot({
    release: f.ref.release,
    namespace: f.ref.namespace,
    version: f.version,
    status: "deployed",
    chart: f.chart,
    configDigest: f.digest,
    firstDeployed: prevDeployed?.firstDeployed,
    action: f.action,
  });
  const older = history
    .filter((s) => s.version !== f.version && s.status !== "failed")
    .map((s) => (s.status === "deployed" ? { ...s, status: "superseded" } : s));
  const verb = f.action === "install" ? "install" : "upgrade";
  const msg = `Helm ${verb} succeeded for release ${releaseLabel(f.ref.namespace, f.ref.release, f.version)} with chart ${f.chart.name}@${f.chart.version}`;
  const reason = f.action === "install" ? "InstallSucceeded" : "UpgradeSucceeded";
  host.writeStatus(hr, (st) => {
    st.history = [snap, ...older].slice(0, 5);
    st.inventory = { entries: inventoryEntries(ctx, r.manifests) };
    fluxCondition(st, hr, "Released", "True", reason, msg);
    removeCondition(st, "Remediated");
    markReady(st, hr, reason, msg);
    finishBookkeeping(st, f);
  });
  host.lastGood.set(`${hr.metadata.namespace}/${hr.metadata.name}`, {
    chart: f.chart,
    values: f.values,
    digest: f.digest,
  });
  ctx.events.record(hr, "Normal", reason, msg, HC);
  return { done: true };
}

function fail(host: ActionHost, hr: KObject, f: Flight, error: string, recordRelease: boolean): StepResult {
  const { ctx } = host;
  const Verb = f.action === "install" ? "Install" : "Upgrade";
  const msg = `Helm ${f.action} failed for release ${releaseLabel(f.ref.namespace, f.ref.release)} with chart ${f.chart.name}@${f.chart.version}: ${error}`;
  const c = countersOf(hr);
  c.failures += 1;
  if (f.action === "install") c.installFailures += 1;
  else c.upgradeFailures += 1;
  const rem = remediationOf(hr, f.action);
  const attempts = f.action === "install" ? c.installFailures : c.upgradeFailures;
  const isExhausted = exhausted(rem.retries, attempts);
  const remediate = !isExhausted || rem.remediateLastFailure;
  const history = historyOf(hr);
  let nextHistory: Snapshot[] = history;
  if (recordRelease) {
    setReleaseStatus(ctx, f.ref.namespace, f.ref.release, f.version, "failed");
    const failed = makeSnapshot({
      release: f.ref.release,
      namespace: f.ref.namespace,
      version: f.version,
      status: "failed",
      chart: f.chart,
      configDigest: f.digest,
      action: f.action,
    });
    nextHistory = [failed, ...history.filter((s) => s.status !== "failed")].slice(0, 5);
  }
  ctx.events.record(hr, "Warning", `${Verb}Failed`, msg, HC);
  let rollback: string | undefined;
  if (remediate && f.action === "install" && recordRelease) uninstall(ctx, hr, f.ref, f.rendered);
  if (remediate && f.action === "upgrade") rollback = rollbackTo(host, hr, f);
  host.writeStatus(hr, (st) => {
    st.history = nextHistory;
    writeCounters(st, c);
    fluxCondition(st, hr, "Released", "False", `${Verb}Failed`, msg);
    if (rollback) {
      fluxCondition(st, hr, "Remediated", "True", "RollbackSucceeded", rollback);
      fluxCondition(st, hr, "Ready", "False", "RollbackSucceeded", rollback);
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

function rollbackTo(host: ActionHost, hr: KObject, f: Flight): string | undefined {
  const good = host.lastGood.get(`${hr.metadata.namespace}/${hr.metadata.name}`);
  const prev = historyOf(hr).find((s) => s.status === "deployed");
  if (!good || !prev) return undefined;
  const rendered = renderChart(host.ctx, f.ref, good.chart, good.values);
  const rollbackFlight: Flight = { ...f, rendered, chart: good.chart, values: good.values, version: f.version + 1 };
  applyRendered(host.ctx, hr, rollbackFlight);
  for (const job of rendered.postHooks) deleteQuietly(host.ctx, R.jobs, job.metadata.namespace, job.metadata.name);
  setReleaseStatus(host.ctx, f.ref.namespace, f.ref.release, f.version + 1, "deployed");
  setReleaseStatus(host.ctx, f.ref.namespace, f.ref.release, prev.version, "superseded");
  const msg = `Helm rollback to previous release ${releaseLabel(f.ref.namespace, f.ref.release, prev.version)} with chart ${good.chart.name}@${good.chart.version} succeeded`;
  host.ctx.events.record(hr, "Normal", "RollbackSucceeded", msg, HC);
  return msg;
}

/** Removes the release's objects and storage (install remediation, HelmRelease deletion). */
export function uninstall(ctx: SimContext, hr: KObject, ref: ReleaseRef, rendered?: Rendered): void {
  deleteInventory(ctx, inventoryOf(hr));
  if (rendered) {
    for (const m of rendered.manifests) {
      const kind = resolveKind(ctx.store, m.apiVersion, m.kind);
      if (kind) deleteQuietly(ctx, kind.key, m.metadata.namespace, m.metadata.name);
    }
    for (const j of rendered.postHooks) deleteQuietly(ctx, R.jobs, j.metadata.namespace, j.metadata.name);
  }
  deleteReleases(ctx, ref.namespace, ref.release);
  const latest = historyOf(hr)[0];
  if (latest)
    ctx.events.record(
      hr,
      "Normal",
      "UninstallSucceeded",
      `Helm uninstall succeeded for release ${releaseLabel(ref.namespace, ref.release, latest.version)} with chart ${latest.chartName}@${latest.chartVersion}`,
      HC,
    );
}

export function nextReleaseVersion(ctx: SimContext, ref: ReleaseRef): number {
  let max = 0;
  for (const s of ctx.store.list(R.secrets, ref.namespace)) {
    if (s.metadata.labels?.owner === "helm" && s.metadata.labels?.name === ref.release)
      max = Math.max(max, Number(s.metadata.labels.version) || 0);
  }
  return max + 1;
}

function inventoryOf(hr: KObject): { id: string; v: string }[] {
  return asMaps(asMap(statusOf(hr).inventory)?.entries).map((e) => ({
    id: asString(e.id) ?? "",
    v: asString(e.v) ?? "v1",
  }));
}

function inventoryEntries(ctx: SimContext, manifests: KObject[]): { id: string; v: string }[] {
  const out: { id: string; v: string }[] = [];
  for (const m of manifests) {
    const kind = resolveKind(ctx.store, m.apiVersion, m.kind);
    if (kind)
      out.push({
        id: inventoryId(kind.namespaced ? m.metadata.namespace : undefined, m.metadata.name, kind.group, kind.kind),
        v: m.apiVersion.split("/").pop() ?? "v1",
      });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function deleteInventory(ctx: SimContext, entries: { id: string; v: string }[]): void {
  for (const e of entries) {
    const ref = parseInventoryId(e.id);
    if (!ref) continue;
    const kind = resolveKind(ctx.store, ref.group ? `${ref.group}/${e.v}` : e.v, ref.kind);
    if (kind) deleteQuietly(ctx, kind.key, ref.namespace || undefined, ref.name);
  }
}

function deleteQuietly(
  ctx: SimContext,
  key: { group: string; plural: string },
  ns: string | undefined,
  name: string,
): void {
  try {
    if (ctx.store.get(key, ns, name)) ctx.store.delete(key, ns, name);
  } catch (err) {
    if (!(err instanceof StatusError && err.code === 404)) throw err;
  }
}
