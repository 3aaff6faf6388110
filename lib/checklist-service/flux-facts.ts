// The Flux objects a release depends on, with their health verdicts (lib/health): the HelmRelease, its chart
// source, the HelmChart helm-controller builds, and the Kustomization that applied the HelmRelease.
import "server-only";
import type { FluxObjectFact } from "@/lib/checklist";
import { healthOf, revisionOf } from "@/lib/health";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v ? v : undefined;
}

const RESOURCE_OF_KIND: Record<string, string> = {
  HelmRepository: "helmrepositories",
  OCIRepository: "ocirepositories",
  HelmChart: "helmcharts",
  GitRepository: "gitrepositories",
  Kustomization: "kustomizations",
};

function factOf(obj: KubeObject, now: Date): FluxObjectFact {
  const verdict = healthOf(obj, { now });
  return {
    kind: obj.kind,
    namespace: obj.metadata.namespace ?? "",
    name: obj.metadata.name,
    verdictStatus: verdict.status,
    message: verdict.message,
    revision: revisionOf(obj) ?? str(obj.status?.lastAttemptedRevision),
    resourceVersion: obj.metadata.resourceVersion,
    object: obj,
  };
}

function lookup(
  cache: ClusterCache,
  kind: string | undefined,
  ns: string | undefined,
  name: string | undefined,
): KubeObject | undefined {
  const resource = kind ? RESOURCE_OF_KIND[kind] : undefined;
  return resource && name ? cache.get(resource, ns, name) : undefined;
}

/** The release's Flux objects (the HelmRelease first), each once. */
export function fluxFacts(cache: ClusterCache, release: KubeObject, now: Date): FluxObjectFact[] {
  const ns = release.metadata.namespace ?? "default";
  const found: KubeObject[] = [release];
  const chart = isMap(release.spec?.chart) && isMap(release.spec.chart.spec) ? release.spec.chart.spec : undefined;
  const sourceRef = chart && isMap(chart.sourceRef) ? chart.sourceRef : undefined;
  const sourceNs = str(sourceRef?.namespace) ?? ns;
  const source = lookup(cache, str(sourceRef?.kind), sourceNs, str(sourceRef?.name));
  if (source) found.push(source);
  const chartRef = isMap(release.spec?.chartRef) ? release.spec.chartRef : undefined;
  const refSource = lookup(cache, str(chartRef?.kind), str(chartRef?.namespace) ?? ns, str(chartRef?.name));
  if (refSource) found.push(refSource);
  // status.helmChart is "<namespace>/<name>"; helm-controller names it "<hr namespace>-<hr name>" in the source namespace.
  const [chartNs, chartName] = (str(release.status?.helmChart) ?? `${sourceNs}/${ns}-${release.metadata.name}`).split(
    "/",
  );
  const helmChart = cache.get("helmcharts", chartNs, chartName ?? "");
  if (helmChart) found.push(helmChart);
  const labels = release.metadata.labels ?? {};
  const ks = lookup(
    cache,
    "Kustomization",
    labels["kustomize.toolkit.fluxcd.io/namespace"],
    labels["kustomize.toolkit.fluxcd.io/name"],
  );
  if (ks) found.push(ks);
  const seen = new Set<string>();
  return found
    .filter((o) => {
      const k = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((o) => factOf(o, now));
}
