// The vendored chart files (democluster/charts/airflow/<version>/) must be exact copies of the real chart in
// ../shared/charts/airflow, and the chart catalog must serve exactly those versions with their Chart.yaml metadata.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { airflowChartFile, airflowChartMetadata, vendoredAirflowVersions } from "./airflow-chart-files";
import { chartMetadata, resolveChartVersion } from "./chart-catalog";

const SHARED = path.resolve(__dirname, "../../../shared/charts/airflow");
const VERSIONS = ["1.16.0", "1.17.0", "1.18.0", "1.19.0"];
const FILES = ["values.schema.json", "values.yaml", "Chart.yaml"] as const;

function shared(version: string, file: string): Buffer {
  if (!fs.existsSync(SHARED))
    throw new Error(`${SHARED} is missing: the vendored-chart test needs ../shared/charts/airflow (the real chart)`);
  return fs.readFileSync(path.join(SHARED, version, file));
}

describe("vendored Airflow chart files", () => {
  it("vendors exactly the four chart versions", () => {
    expect(vendoredAirflowVersions()).toEqual(VERSIONS);
  });

  it.each(VERSIONS.flatMap((v) => FILES.map((f) => [v, f] as const)))(
    "%s/%s is byte-identical to ../shared/charts/airflow",
    (version, file) => {
      const vendored = fs.readFileSync(airflowChartFile(version, file));
      expect(vendored.equals(shared(version, file))).toBe(true);
    },
  );

  it.each(VERSIONS)("the catalog serves %s with the appVersion, home and sources of its Chart.yaml", (version) => {
    const real = parse(shared(version, "Chart.yaml").toString("utf8")) as Record<string, unknown>;
    expect(resolveChartVersion("airflow", version)).toEqual({
      name: "airflow",
      version,
      appVersion: real.appVersion,
    });
    expect(chartMetadata({ name: "airflow", version, appVersion: String(real.appVersion) })).toMatchObject({
      name: "airflow",
      version,
      appVersion: real.appVersion,
      home: real.home,
      sources: real.sources,
    });
    expect(airflowChartMetadata(version).apiVersion).toBe("v2");
  });

  it("resolves ranges to the newest vendored version and drops the versions it does not have", () => {
    expect(resolveChartVersion("airflow", "1.18.x")?.version).toBe("1.18.0");
    expect(resolveChartVersion("airflow", ">=1.16.0")?.version).toBe("1.19.0");
    expect(resolveChartVersion("airflow", "1.15.0")).toBeUndefined();
  });
});
