// Which HelmReleases are checklist subjects, and the release facts derived from a HelmRelease object.

import type { KubeObject } from "../kinds/object";
import { sha256Hex } from "./canonical-json";
import { isMap } from "./values";

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** `status.history[0]` of a HelmRelease (newest snapshot), if any. */
export function latestHistory(hr: KubeObject): Record<string, unknown> | undefined {
  const history = hr.status?.history;
  return Array.isArray(history) && isMap(history[0]) ? history[0] : undefined;
}

function chartNameFromSource(source: KubeObject): string | undefined {
  if (source.kind === "HelmChart") return str(source.spec?.chart);
  if (source.kind === "OCIRepository") {
    const url = str(source.spec?.url);
    return url?.replace(/\/+$/, "").split("/").pop();
  }
  return undefined;
}

/**
 * True when the HelmRelease deploys the `airflow` chart: `spec.chart.spec.chart`, a `chartRef` to a
 * HelmChart/OCIRepository whose chart is `airflow` (pass the source objects to resolve it), or
 * `status.history[0].chartName`.
 */
export function isAirflowRelease(hr: KubeObject, sources: KubeObject[] = []): boolean {
  if (hr.kind !== "HelmRelease") return false;
  const chart = hr.spec?.chart;
  if (isMap(chart) && isMap(chart.spec) && chart.spec.chart === "airflow") return true;
  const ref = hr.spec?.chartRef;
  if (isMap(ref)) {
    const ns = str(ref.namespace) ?? hr.metadata.namespace;
    const source = sources.find(
      (s) => s.kind === ref.kind && s.metadata.name === ref.name && (s.metadata.namespace ?? ns) === ns,
    );
    if (source && chartNameFromSource(source) === "airflow") return true;
  }
  return latestHistory(hr)?.chartName === "airflow";
}

/**
 * Helm release name as helm-controller computes it: `spec.releaseName`, else `[targetNamespace-]name`,
 * shortened to 40 characters + `-` + 12 hex of its sha256 when longer than 53.
 */
export function helmReleaseName(hr: KubeObject): string {
  const explicit = str(hr.spec?.releaseName);
  const target = str(hr.spec?.targetNamespace);
  const name = explicit ?? (target ? `${target}-${hr.metadata.name}` : hr.metadata.name);
  return name.length > 53 ? `${name.slice(0, 40)}-${sha256Hex(name).slice(0, 12)}` : name;
}

/** Namespace the chart's objects live in: `spec.targetNamespace`, else the HelmRelease's namespace. */
export function workloadNamespace(hr: KubeObject): string {
  return str(hr.spec?.targetNamespace) ?? hr.metadata.namespace ?? "default";
}

/** The chart version requested in `spec.chart.spec.version` (may be a range), if any. */
export function requestedChartVersion(hr: KubeObject): string | undefined {
  const chart = hr.spec?.chart;
  return isMap(chart) && isMap(chart.spec) ? str(chart.spec.version) : undefined;
}

/** True for an exact semver (no range operators, wildcards or `x`). */
export function isExactVersion(v: string | undefined): boolean {
  return !!v && /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(v.trim());
}

/**
 * The chart version in use: the deployed `status.history[0].chartVersion`, else an exact requested version,
 * else `status.lastAttemptedRevision`.
 */
export function chartVersionOf(hr: KubeObject): string | undefined {
  const deployed = str(latestHistory(hr)?.chartVersion);
  if (deployed) return deployed;
  const requested = requestedChartVersion(hr);
  if (isExactVersion(requested)) return requested;
  return str(hr.status?.lastAttemptedRevision);
}
