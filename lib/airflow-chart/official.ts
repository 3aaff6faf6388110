// Telling the official Apache Airflow chart from the community chart airflow-helm/charts (both named "airflow").
// Pure.
//
// Official: repository https://airflow.apache.org, Chart.yaml `home: https://airflow.apache.org/`,
//   `sources: [https://github.com/apache/airflow]`, versions 1.x (charts/airflow/<version>/Chart.yaml).
// Community: repository https://airflow-helm.github.io/charts, Chart.yaml `home: https://github.com/airflow-helm/charts`,
//   `sources: [https://github.com/airflow-helm/charts/tree/main/charts/airflow]`, description
//   "Airflow Helm Chart (User Community)", versions 7.x/8.x (the continuation of stable/airflow).
// The chart's own metadata wins over the repository URL (a mirror or an OCI registry can host either chart),
// and the URL over the version number.

export type ChartFlavour = "official" | "community" | "unknown";

export interface ChartFlavourInput {
  chartName?: string;
  chartVersion?: string;
  /** HelmRepository / OCIRepository / GitRepository URL the chart comes from. */
  sourceUrl?: string;
  /** Chart.yaml `home`. */
  home?: string;
  /** Chart.yaml `sources`. */
  sources?: string[];
}

function hostAndPath(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "");
}

function flavourOfUrl(url: string | undefined): ChartFlavour {
  if (!url) return "unknown";
  const u = hostAndPath(url);
  if (u.startsWith("airflow-helm.github.io") || /^github\.com\/airflow-helm(\/|$)/.test(u) || /^ghcr\.io\/airflow-helm(\/|$)/.test(u))
    return "community";
  if (u === "airflow.apache.org" || u.startsWith("airflow.apache.org/") || /^github\.com\/apache\/airflow(\/|$|\.git)/.test(u))
    return "official";
  return "unknown";
}

function flavourOfVersion(version: string | undefined): ChartFlavour {
  const m = /^\s*v?(\d+)\./.exec(version ?? "");
  if (!m) return "unknown";
  const major = Number(m[1]);
  if (major === 1) return "official";
  if (major >= 7) return "community";
  return "unknown";
}

/** "official" for the Apache Airflow chart, "community" for airflow-helm/charts, "unknown" when nothing tells. */
export function chartFlavour(input: ChartFlavourInput): ChartFlavour {
  const name = input.chartName?.trim();
  if (name && name !== "airflow") return "unknown";
  const meta = [input.home, ...(input.sources ?? [])].map(flavourOfUrl).filter((f) => f !== "unknown");
  if (meta.length > 0 && meta.every((f) => f === meta[0])) return meta[0];
  if (meta.length > 0) return "unknown";
  const fromUrl = flavourOfUrl(input.sourceUrl);
  if (fromUrl !== "unknown") return fromUrl;
  return flavourOfVersion(input.chartVersion);
}
