// Official Apache Airflow chart vs the community chart airflow-helm/charts (both named "airflow").
// Official metadata: charts/airflow/<version>/Chart.yaml (home https://airflow.apache.org/, sources
// https://github.com/apache/airflow, version 1.x). Community: airflow-helm/charts charts/airflow/Chart.yaml
// (home https://github.com/airflow-helm/charts, sources …/tree/main/charts/airflow, version 8.x).
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { chartFlavour } from "./official";
import { CHARTS_ABSENT_MESSAGE, CHARTS_DIR, CHARTS_PRESENT, VERSION_DIR } from "./test-support";
import { CHART_LINES } from "./versions";

describe("chartFlavour", () => {
  it.each([
    ["official HelmRepository", { chartName: "airflow", chartVersion: "1.18.0", sourceUrl: "https://airflow.apache.org" }, "official"],
    ["official HelmRepository, trailing slash", { chartName: "airflow", sourceUrl: "https://airflow.apache.org/" }, "official"],
    ["community HelmRepository", { chartName: "airflow", chartVersion: "8.9.0", sourceUrl: "https://airflow-helm.github.io/charts" }, "community"],
    ["community GitRepository", { chartName: "airflow", sourceUrl: "https://github.com/airflow-helm/charts.git" }, "community"],
    ["official chart metadata", { chartName: "airflow", home: "https://airflow.apache.org/", sources: ["https://github.com/apache/airflow"] }, "official"],
    [
      "community metadata from an OCI mirror",
      {
        chartName: "airflow",
        chartVersion: "8.9.0",
        sourceUrl: "oci://registry.example.com/charts",
        home: "https://github.com/airflow-helm/charts",
        sources: ["https://github.com/airflow-helm/charts/tree/main/charts/airflow"],
      },
      "community",
    ],
    ["metadata wins over the URL", { sourceUrl: "https://airflow.apache.org", home: "https://github.com/airflow-helm/charts" }, "community"],
    ["OCI mirror, version 1.x", { chartName: "airflow", chartVersion: "1.19.0", sourceUrl: "oci://ghcr.io/acme/charts" }, "official"],
    ["OCI mirror, version 7.x", { chartName: "airflow", chartVersion: "7.16.0", sourceUrl: "oci://ghcr.io/acme/charts" }, "community"],
    ["nothing known", { chartName: "airflow" }, "unknown"],
    ["another chart", { chartName: "postgresql", sourceUrl: "https://airflow.apache.org" }, "unknown"],
    ["contradicting metadata", { home: "https://airflow.apache.org/", sources: ["https://github.com/airflow-helm/charts"] }, "unknown"],
  ])("%s → %s", (_label, input, flavour) => expect(chartFlavour(input)).toBe(flavour));

  it.skipIf(!CHARTS_PRESENT)(CHARTS_PRESENT ? "the real official Chart.yaml files are official" : CHARTS_ABSENT_MESSAGE, () => {
    for (const line of CHART_LINES) {
      const meta = parse(fs.readFileSync(path.join(CHARTS_DIR, VERSION_DIR[line], "Chart.yaml"), "utf8"));
      expect(chartFlavour({ chartName: meta.name, chartVersion: meta.version, home: meta.home, sources: meta.sources })).toBe("official");
    }
  });

  it("the community chart's real Chart.yaml (airflow-helm/charts 8.6.0) is community", () => {
    const meta = parse(`apiVersion: v2
description: Airflow Helm Chart (User Community) - used to deploy Apache Airflow on Kubernetes
name: airflow
version: 8.6.0
appVersion: 2.1.2
home: https://github.com/airflow-helm/charts
sources:
  - https://github.com/airflow-helm/charts/tree/main/charts/airflow
`);
    expect(chartFlavour({ chartName: meta.name, chartVersion: meta.version, home: meta.home, sources: meta.sources })).toBe("community");
  });
});
