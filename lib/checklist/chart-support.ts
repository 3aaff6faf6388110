// Is the release's chart the official Apache Airflow chart this checklist knows? The community chart
// (airflow-helm/charts, also named `airflow`) has other values and objects: judging it by the official chart's rules
// would be wrong, so it is reported as "unsupported chart" instead of evaluated.

import type { KubeObject } from "../kinds/object";
import { chartFlavour, chartLine } from "./chart-facts";
import { ev } from "./checks/outcome";
import { chartVersionOf, latestHistory } from "./discovery";
import { hasRecord } from "./helm-facts";
import { refOf } from "./kube-readers";
import type { ChecklistSnapshot } from "./snapshot";
import type { ChecklistResult, Evidence } from "./types";
import { isMap } from "./values";

/** The verdict on the release's chart. */
export interface ChartSupport {
  supported: boolean;
  flavour: "official" | "community" | "unknown";
  chartName?: string;
  chartVersion?: string;
  sourceUrl?: string;
  /** One sentence the API/UI can show. */
  message: string;
  evidence: Evidence[];
}

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

function findSource(snapshot: ChecklistSnapshot, kind: unknown, name: unknown, ns: unknown): KubeObject | undefined {
  const namespace = str(ns) ?? snapshot.release.metadata.namespace;
  return snapshot.fluxObjects.find(
    (f) => f.kind === kind && f.name === name && (f.namespace === namespace || !f.namespace),
  )?.object;
}

/** The chart's source object (HelmRepository / OCIRepository), following a chartRef HelmChart to its repository. */
function chartSource(snapshot: ChecklistSnapshot): KubeObject | undefined {
  const spec = snapshot.release.spec ?? {};
  const chart = isMap(spec.chart) && isMap(spec.chart.spec) ? spec.chart.spec : undefined;
  const ref = chart && isMap(chart.sourceRef) ? chart.sourceRef : isMap(spec.chartRef) ? spec.chartRef : undefined;
  const source = ref ? findSource(snapshot, ref.kind, ref.name, ref.namespace) : undefined;
  if (source?.kind === "HelmChart" && isMap(source.spec?.sourceRef)) {
    const r = source.spec.sourceRef;
    return findSource(snapshot, r.kind, r.name, source.metadata.namespace) ?? source;
  }
  return source;
}

function chartNameOf(snapshot: ChecklistSnapshot, source: KubeObject | undefined): string | undefined {
  const spec = snapshot.release.spec ?? {};
  const chart = isMap(spec.chart) && isMap(spec.chart.spec) ? str(spec.chart.spec.chart) : undefined;
  const oci =
    source?.kind === "OCIRepository" ? str(source.spec?.url)?.replace(/\/+$/, "").split("/").pop() : undefined;
  return chart ?? oci ?? str(latestHistory(snapshot.release)?.chartName);
}

/** Official, community or unknown chart — call before evaluating; show `message` when `supported` is false. */
export function chartSupport(snapshot: ChecklistSnapshot): ChartSupport {
  const source = chartSource(snapshot);
  const sourceUrl = str(source?.spec?.url);
  const chartName = chartNameOf(snapshot, source);
  const chartVersion =
    (hasRecord(snapshot.helm) ? snapshot.helm.chartVersion : undefined) ?? chartVersionOf(snapshot.release);
  const flavour =
    (hasRecord(snapshot.helm) ? snapshot.helm.chartFlavour : undefined) ??
    chartFlavour({ chartName, chartVersion, sourceUrl });
  const what = `chart ${chartName ?? "?"}${chartVersion ? ` ${chartVersion}` : ""}${sourceUrl ? ` from ${sourceUrl}` : ""}`;
  const evidence: Evidence[] = [
    ev(`HelmRelease ${snapshot.release.metadata.name} deploys ${what}`, refOf(snapshot.release)),
  ];
  if (source) evidence.push(ev(`${source.kind} ${source.metadata.name}: ${sourceUrl ?? "no URL"}`, refOf(source)));
  const base = { flavour, chartName, chartVersion, sourceUrl, evidence };
  if (flavour === "community")
    return {
      ...base,
      supported: false,
      message: `Unsupported chart: ${what} is the community Airflow chart (airflow-helm/charts), not the official Apache Airflow chart this checklist judges`,
    };
  const line = chartLine(chartVersion);
  if (flavour === "unknown")
    return {
      ...base,
      supported: true,
      message: `${what} is not recognised as the official Apache Airflow chart; judged by the official chart ${line} rules`,
    };
  return { ...base, supported: true, message: `Official Apache Airflow chart, judged by the chart ${line} rules` };
}

/**
 * The result for a release whose chart is not the official one: no item is judged (the official chart's rules would
 * be wrong), the gate fails, the score is 0 — the page and API say why instead (`ChartSupport.message`).
 */
export function unsupportedResult(result: ChecklistResult): ChecklistResult {
  const counts = Object.fromEntries(Object.keys(result.counts).map((k) => [k, 0])) as ChecklistResult["counts"];
  return { ...result, gate: "fail", score: 0, counts, items: [] };
}
