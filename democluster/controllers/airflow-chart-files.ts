// The vendored files of the official Airflow chart (democluster/charts/airflow/<version>/): Chart.yaml metadata,
// the default values (values.yaml) and values.schema.json. Read once per version and cached; the demo never needs
// ../shared at run time.
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { isMap, type JsonMap } from "../sim/objects";

const DIR = path.resolve(__dirname, "../charts/airflow");

/** Chart.yaml as Helm's chart.Metadata carries it (the fields a release record stores). */
export interface ChartMetadata {
  name: string;
  version: string;
  appVersion: string;
  apiVersion: string;
  description?: string;
  home?: string;
  sources?: string[];
  icon?: string;
  keywords?: string[];
  maintainers?: { name?: string; email?: string; url?: string }[];
  dependencies?: JsonMap[];
  type?: string;
  annotations?: Record<string, string>;
  kubeVersion?: string;
}

/** Chart versions vendored in democluster/charts/airflow, oldest first. */
export function vendoredAirflowVersions(): string[] {
  return fs
    .readdirSync(DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d+\.\d+\.\d+$/.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => {
      const pa = a.split(".").map(Number);
      const pb = b.split(".").map(Number);
      return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
    });
}

export function airflowChartFile(version: string, file: "Chart.yaml" | "values.yaml" | "values.schema.json"): string {
  return path.join(DIR, version, file);
}

const metadataCache = new Map<string, ChartMetadata>();
const valuesCache = new Map<string, JsonMap>();
const schemaCache = new Map<string, JsonMap>();

export function airflowChartMetadata(version: string): ChartMetadata {
  let meta = metadataCache.get(version);
  if (!meta) {
    const doc = parseYaml(fs.readFileSync(airflowChartFile(version, "Chart.yaml"), "utf8")) as JsonMap;
    meta = doc as unknown as ChartMetadata;
    metadataCache.set(version, meta);
  }
  return meta;
}

/** values.yaml of the version (a fresh copy: callers may change it). */
export function airflowDefaultValues(version: string): JsonMap {
  let values = valuesCache.get(version);
  if (!values) {
    const doc = parseYaml(fs.readFileSync(airflowChartFile(version, "values.yaml"), "utf8")) as unknown;
    values = isMap(doc) ? doc : {};
    valuesCache.set(version, values);
  }
  return structuredClone(values);
}

export function airflowValuesSchema(version: string): JsonMap {
  let schema = schemaCache.get(version);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(airflowChartFile(version, "values.schema.json"), "utf8")) as JsonMap;
    schemaCache.set(version, schema);
  }
  return schema;
}

export function hasVendoredAirflowChart(version: string): boolean {
  return fs.existsSync(airflowChartFile(version, "Chart.yaml"));
}
