// Charts the fake Helm repositories serve (name -> versions with appVersion). Unknown charts resolve to the exact
// version asked for (or 1.0.0), so scenarios can reference any chart.
import { maxSatisfying, parseVersion } from "../sim/semver";

export interface ChartVersion {
  name: string;
  version: string;
  appVersion: string;
}

const CATALOG: Record<string, [string, string][]> = {
  airflow: [
    ["1.13.1", "2.8.3"],
    ["1.14.0", "2.9.2"],
    ["1.15.0", "2.9.3"],
    ["1.16.0", "2.10.5"],
    ["1.17.0", "3.0.2"],
    ["1.18.0", "3.0.2"],
  ],
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
