// Charts the fake Helm repositories serve (name -> versions with appVersion). The official Airflow chart's versions
// come from its vendored Chart.yaml files (democluster/charts/airflow, 1.16.0–1.19.0). Unknown charts resolve to the
// exact version asked for (or 1.0.0), so scenarios can reference any chart.
import { maxSatisfying, parseVersion } from "../sim/semver";
import { airflowChartMetadata, vendoredAirflowVersions, type ChartMetadata } from "./airflow-chart-files";

export interface ChartVersion {
  name: string;
  version: string;
  appVersion: string;
}

const CATALOG: Record<string, [string, string][]> = {
  airflow: vendoredAirflowVersions().map((v) => [v, airflowChartMetadata(v).appVersion]),
  grafana: [
    ["8.5.0", "11.3.0"],
    ["8.6.0", "11.3.1"],
  ],
  "kube-prometheus-stack": [["65.1.0", "v0.77.1"]],
  podinfo: [["6.7.1", "6.7.1"]],
  "external-secrets": [["0.19.2", "v0.19.2"]],
};

export function resolveChartVersion(name: string, constraint: string | undefined): ChartVersion | undefined {
  const want = constraint?.trim() || "*";
  const known = CATALOG[name];
  if (!known) {
    if (parseVersion(want) && !/[x*^~<>=|]/i.test(want)) return { name, version: want, appVersion: want };
    return { name, version: "1.0.0", appVersion: "1.0.0" };
  }
  const version = maxSatisfying(
    known.map(([v]) => v),
    want,
  );
  if (!version) return undefined;
  const appVersion = known.find(([v]) => v === version)?.[1] ?? version;
  return { name, version, appVersion };
}

/** Chart.yaml metadata as a Helm release record stores it (the vendored Chart.yaml for the Airflow chart). */
export function chartMetadata(chart: ChartVersion): ChartMetadata {
  if (chart.name === "airflow" && CATALOG.airflow.some(([v]) => v === chart.version))
    return airflowChartMetadata(chart.version);
  return { apiVersion: "v2", name: chart.name, version: chart.version, appVersion: chart.appVersion };
}
