// `reconcile --with-source`: which sources to reconcile first, in order, like the flux CLI (DOMAIN.md §1.1):
//  - Kustomization: spec.sourceRef (namespace defaults to the Kustomization's);
//  - HelmRelease with spec.chart: the HelmChart "<hrNamespace>-<hrName>" in the chart's sourceRef namespace, with
//    that HelmChart's own source before it;
//  - HelmRelease with spec.chartRef: an OCIRepository directly, or a HelmChart together with its source.
// A static (type: oci) HelmRepository has nothing to reconcile and is skipped. Bucket sources are not read by
// Fluxtower and are refused. Objects are fetched through the injected `fetch` (as the user).
import { AppError } from "@/lib/http/errors";
import { at, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";

export interface SourceRef {
  resource: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface PlannedSource {
  ref: SourceRef;
  object: KubeObject;
}

const SOURCE_RESOURCES: Record<string, string> = {
  GitRepository: "gitrepositories",
  OCIRepository: "ocirepositories",
  HelmRepository: "helmrepositories",
  HelmChart: "helmcharts",
};

function refFrom(value: unknown, defaultNamespace: string, what: string): SourceRef {
  const kind = str(at(value, "kind"));
  const name = str(at(value, "name"));
  if (!kind || !name) throw new AppError("bad_request", `withSource: ${what} has no source reference`);
  if (kind === "Bucket") throw new AppError("bad_request", `withSource: ${what} uses a Bucket source, which Fluxtower does not read; reconcile without the source`);
  const resource = SOURCE_RESOURCES[kind];
  if (!resource) throw new AppError("bad_request", `withSource: ${what} references an unsupported source kind ${kind}`);
  return { resource, kind, namespace: str(at(value, "namespace")) ?? defaultNamespace, name };
}

const isStatic = (o: KubeObject) => o.kind === "HelmRepository" && o.spec?.type === "oci";

/** The HelmChart and, unless static, its source (source first). */
async function chartWithSource(chartRef: SourceRef, fetch: (ref: SourceRef) => Promise<KubeObject>): Promise<PlannedSource[]> {
  const chart = await fetch(chartRef);
  const sourceRef = refFrom(at(chart.spec, "sourceRef"), chartRef.namespace, `HelmChart ${chartRef.namespace}/${chartRef.name}`);
  const source = await fetch(sourceRef);
  const out: PlannedSource[] = isStatic(source) ? [] : [{ ref: sourceRef, object: source }];
  out.push({ ref: chartRef, object: chart });
  return out;
}

/** The sources of `obj` to reconcile before it, in order. */
export async function planSources(obj: KubeObject, fetch: (ref: SourceRef) => Promise<KubeObject>): Promise<PlannedSource[]> {
  const ns = obj.metadata.namespace ?? "";
  const what = `${obj.kind} ${ns}/${obj.metadata.name}`;
  if (obj.kind === "Kustomization") {
    const ref = refFrom(at(obj.spec, "sourceRef"), ns, what);
    return [{ ref, object: await fetch(ref) }];
  }
  if (obj.kind !== "HelmRelease") throw new AppError("bad_request", "withSource applies to Kustomizations and HelmReleases only");
  const chartRef = at(obj.spec, "chartRef");
  if (chartRef !== undefined) {
    const ref = refFrom(chartRef, ns, what);
    if (ref.kind === "HelmChart") return chartWithSource(ref, fetch);
    if (ref.kind !== "OCIRepository") throw new AppError("bad_request", `withSource: chartRef of ${what} must be an OCIRepository or a HelmChart`);
    return [{ ref, object: await fetch(ref) }];
  }
  const templateSource = at(obj.spec, "chart", "spec", "sourceRef");
  if (templateSource === undefined) throw new AppError("bad_request", `withSource: ${what} has neither spec.chart nor spec.chartRef`);
  const sourceRef = refFrom(templateSource, ns, what);
  return chartWithSource({ resource: "helmcharts", kind: "HelmChart", namespace: sourceRef.namespace, name: `${ns}-${obj.metadata.name}` }, fetch);
}
