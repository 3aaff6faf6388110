// HelmRelease status vocabulary: snapshots (status.history), failure counters, Released/Ready/Stalled/Remediated.
import type { KObject } from "../store/types";
import { asMaps, asNumber, asString, nowTime, statusOf, type JsonMap } from "../sim/objects";
import { removeCondition } from "../sim/conditions";
import { sha256Hex, valuesDigest } from "../sim/hash";
import { fluxCondition } from "./flux-common";
import type { ReleaseRecord } from "./helm-storage";

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

/** A status.history entry as helm-controller derives it from the stored release (internal/release/observation.go
 *  ObservedToSnapshot): digest over the observed release, configDigest over its config. */
export function snapshotOf(rec: ReleaseRecord, action: string): Snapshot {
  const observation = {
    name: rec.name,
    version: rec.version,
    info: rec.info,
    chartMetadata: rec.chart.metadata,
    config: rec.config ?? null,
    manifest: rec.manifest,
    hooks: rec.hooks ?? null,
    namespace: rec.namespace,
    ociDigest: "",
  };
  return {
    name: rec.name,
    namespace: rec.namespace,
    version: rec.version,
    status: rec.info.status,
    chartName: String(rec.chart.metadata.name),
    chartVersion: String(rec.chart.metadata.version),
    appVersion: String(rec.chart.metadata.appVersion ?? ""),
    configDigest: valuesDigest(rec.config ?? {}),
    digest: `sha256:${sha256Hex(`${JSON.stringify(observation)}\n`)}`,
    firstDeployed: nowTime(new Date(rec.info.first_deployed)),
    lastDeployed: nowTime(new Date(rec.info.last_deployed)),
    action,
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
