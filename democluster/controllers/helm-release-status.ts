// HelmRelease status vocabulary: snapshots (status.history), failure counters, Released/Ready/Stalled/Remediated.
import type { KObject } from "../store/types";
import { asMaps, asNumber, asString, nowTime, statusOf, type JsonMap } from "../sim/objects";
import { removeCondition } from "../sim/conditions";
import { sha256Hex, stableStringify } from "../sim/hash";
import { fluxCondition } from "./flux-common";
import type { ChartVersion } from "./chart-catalog";

export type HelmAction = "install" | "upgrade";

export interface Snapshot {
  name: string;
  namespace: string;
  version: number;
  status: string;
  chartName: string;
  chartVersion: string;
  appVersion: string;
  configDigest: string;
  digest: string;
  firstDeployed: string;
  lastDeployed: string;
  action?: string;
}

export function historyOf(hr: KObject): Snapshot[] {
  return asMaps(statusOf(hr).history) as unknown as Snapshot[];
}

export function makeSnapshot(p: {
  release: string;
  namespace: string;
  version: number;
  status: string;
  chart: ChartVersion;
  configDigest: string;
  firstDeployed?: string;
  action: string;
}): Snapshot {
  const now = nowTime();
  return {
    name: p.release,
    namespace: p.namespace,
    version: p.version,
    status: p.status,
    chartName: p.chart.name,
    chartVersion: p.chart.version,
    appVersion: p.chart.appVersion,
    configDigest: p.configDigest,
    digest: `sha256:${sha256Hex(stableStringify({ r: p.release, n: p.namespace, v: p.version, c: p.chart, d: p.configDigest }))}`,
    firstDeployed: p.firstDeployed ?? now,
    lastDeployed: now,
    action: p.action,
  };
}

export interface Counters {
  failures: number;
  installFailures: number;
  upgradeFailures: number;
}

export function countersOf(hr: KObject): Counters {
  const st = statusOf(hr);
  return {
    failures: asNumber(st.failures) ?? 0,
    installFailures: asNumber(st.installFailures) ?? 0,
    upgradeFailures: asNumber(st.upgradeFailures) ?? 0,
  };
}

/** Writes counters the way Go's omitempty serializes int64 (zero values absent). */
export function writeCounters(status: JsonMap, c: Counters): void {
  for (const k of ["failures", "installFailures", "upgradeFailures"] as const) {
    if (c[k] > 0) status[k] = c[k];
    else delete status[k];
  }
}

export function clearFailures(status: JsonMap): void {
  writeCounters(status, { failures: 0, installFailures: 0, upgradeFailures: 0 });
  removeCondition(status, "Stalled");
}

export interface RemediationSpec {
  retries: number;
  remediateLastFailure: boolean;
}

export function remediationOf(hr: KObject, action: HelmAction): RemediationSpec {
  const spec = (hr.spec ?? {}) as JsonMap;
  const section = (spec[action] ?? {}) as JsonMap;
  const rem = (section.remediation ?? {}) as JsonMap;
  const retries = asNumber(rem.retries) ?? 0;
  const last = rem.remediateLastFailure;
  return { retries, remediateLastFailure: typeof last === "boolean" ? last : retries > 0 };
}

export function exhausted(retries: number, failures: number): boolean {
  return retries >= 0 && failures > retries;
}

export function markStalledRetries(status: JsonMap, hr: KObject, action: HelmAction, attempts: number): void {
  fluxCondition(status, hr, "Stalled", "True", "RetriesExceeded", `Failed to ${action} after ${attempts} attempt(s)`);
  removeCondition(status, "Reconciling");
}

export function releaseLabel(namespace: string, release: string, version?: number): string {
  return `${namespace}/${release}${version !== undefined ? `.v${version}` : ""}`;
}

export function lastAttempt(hr: KObject): { generation?: number; revision?: string; digest?: string } {
  const st = statusOf(hr);
  return {
    generation: asNumber(st.lastAttemptedGeneration),
    revision: asString(st.lastAttemptedRevision),
    digest: asString(st.lastAttemptedConfigDigest),
  };
}
