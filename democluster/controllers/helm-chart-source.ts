// helm-controller's view of its chart: spec.chart templates a HelmChart "<hrNamespace>-<hrName>" in the source
// namespace (created/updated here as helm-controller); spec.chartRef points at an OCIRepository or HelmChart.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { API_VERSION, R } from "../sim/resources";
import { asMap, asString, getPath, specOf, statusOf } from "../sim/objects";
import { getCondition } from "../sim/conditions";
import { applyObject } from "../sim/apply";
import { resolveChartVersion, type ChartVersion } from "./chart-catalog";

export type ChartResolution =
  | { ready: true; chart: ChartVersion; source: string }
  | { ready: false; message: string; source: string; pending?: boolean };

export function helmChartName(hr: KObject): { namespace: string; name: string } {
  const ns = asString(getPath(hr, "spec.chart.spec.sourceRef.namespace")) ?? hr.metadata.namespace ?? "";
  return { namespace: ns, name: `${hr.metadata.namespace}-${hr.metadata.name}` };
}

/** The HelmChart helm-controller templates from spec.chart.spec (undefined without spec.chart). */
export function helmChartFor(hr: KObject): KObject | undefined {
  const tmpl = asMap(getPath(hr, "spec.chart.spec"));
  if (!tmpl) return undefined;
  const { namespace, name } = helmChartName(hr);
  const sourceRef = asMap(tmpl.sourceRef) ?? {};
  return {
    apiVersion: API_VERSION.source,
    kind: "HelmChart",
    metadata: {
      name,
      namespace,
      labels: {
        "helm.toolkit.fluxcd.io/name": hr.metadata.name,
        "helm.toolkit.fluxcd.io/namespace": hr.metadata.namespace ?? "",
      },
    },
    spec: {
      chart: asString(tmpl.chart) ?? "",
      version: asString(tmpl.version) ?? "*",
      sourceRef: { kind: asString(sourceRef.kind) ?? "HelmRepository", name: asString(sourceRef.name) ?? "" },
      interval: asString(tmpl.interval) ?? asString(specOf(hr).interval) ?? "10m0s",
      reconcileStrategy: asString(tmpl.reconcileStrategy) ?? "ChartVersion",
      ...(tmpl.valuesFiles ? { valuesFiles: tmpl.valuesFiles } : {}),
    },
  };
}

export function resolveChart(ctx: SimContext, hr: KObject): ChartResolution {
  const chartRef = asMap(specOf(hr).chartRef);
  if (chartRef) return fromChartRef(ctx, hr, chartRef);
  const { namespace, name } = helmChartName(hr);
  const source = `${namespace}/${name}`;
  const desired = helmChartFor(hr);
  if (!desired) return { ready: false, message: "spec.chart or spec.chartRef is required", source };
  applyObject(ctx.store, R.helmcharts, desired, { manager: "helm-controller" });
  return fromHelmChart(ctx.store.get(R.helmcharts, namespace, name), source);
}

function fromHelmChart(hc: KObject | undefined, source: string): ChartResolution {
  if (!hc) return { ready: false, message: `HelmChart '${source}' is not ready: not found`, source };
  const ready = getCondition(hc, "Ready");
  const revision = asString(asMap(statusOf(hc).artifact)?.revision);
  const generationOk = statusOf(hc).observedGeneration === (hc.metadata.generation ?? 1);
  if (ready?.status !== "True" || !revision || !generationOk) {
    return {
      ready: false,
      message: `HelmChart '${source}' is not ready: ${ready?.message ?? "waiting to be reconciled"}`,
      source,
      pending: ready?.status !== "False",
    };
  }
  const name = asString(specOf(hc).chart) ?? "";
  const chart = resolveChartVersion(name, revision) ?? { name, version: revision, appVersion: revision };
  return { ready: true, chart, source };
}

function fromChartRef(ctx: SimContext, hr: KObject, ref: Record<string, unknown>): ChartResolution {
  const kind = asString(ref.kind) ?? "OCIRepository";
  const name = asString(ref.name) ?? "";
  const namespace = asString(ref.namespace) ?? hr.metadata.namespace ?? "";
  const source = `${namespace}/${name}`;
  if (kind === "HelmChart") return fromHelmChart(ctx.store.get(R.helmcharts, namespace, name), source);
  const repo = ctx.store.get(R.ocirepositories, namespace, name);
  const revision = repo ? asString(asMap(statusOf(repo).artifact)?.revision) : undefined;
  if (!repo || !revision || getCondition(repo, "Ready")?.status !== "True") {
    return {
      ready: false,
      message: `OCIRepository '${source}' is not ready${repo ? `: ${getCondition(repo, "Ready")?.message ?? "waiting to be reconciled"}` : ": not found"}`,
      source,
    };
  }
  const version = revision.split("@")[0];
  const chartName = asString(getPath(repo, "spec.url"))?.split("/").pop() ?? name;
  const known = resolveChartVersion(chartName, version);
  return { ready: true, chart: known ?? { name: chartName, version, appVersion: version }, source };
}

/** Release name: spec.releaseName, or [targetNamespace-]name shortened like helm-controller. */
export function releaseNameOf(hr: KObject, hash: (s: string) => string): string {
  const explicit = asString(specOf(hr).releaseName);
  if (explicit) return explicit;
  const target = asString(specOf(hr).targetNamespace);
  const name = target ? `${target}-${hr.metadata.name}` : hr.metadata.name;
  return name.length > 53 ? `${name.slice(0, 40)}-${hash(name).slice(0, 12)}` : name;
}
