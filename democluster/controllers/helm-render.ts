// Chart dispatch (the airflow chart is simulated from its real values and templates' rules, everything else
// generically), then Flux's post-renderer: helm-controller labels every rendered object, hooks included, with
// `helm.toolkit.fluxcd.io/name` and `helm.toolkit.fluxcd.io/namespace`.
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asString, unbase64, type JsonMap } from "../sim/objects";
import type { ChartVersion } from "./chart-catalog";
import { renderAirflow } from "./airflow-chart";
import { renderGeneric } from "./generic-chart";
import type { ReleaseRef, Rendered, RenderedObject, SecretValueSource } from "./chart-objects";

export function renderChart(ctx: SimContext, ref: ReleaseRef, chart: ChartVersion, values: JsonMap): Rendered {
  const secrets: SecretValueSource = {
    rng: ctx.rng,
    existing(name, key) {
      const s = ctx.store.get(R.secrets, ref.namespace, name);
      const v = asString(asMap(s?.data)?.[key]);
      return v === undefined ? undefined : unbase64(v);
    },
  };
  const rendered =
    chart.name === "airflow" ? renderAirflow(ref, chart, values, secrets) : renderGeneric(ref, chart, values, secrets);
  const post = (o: RenderedObject): RenderedObject => {
    // The official chart's own templates set no namespace (its Bitnami subchart's do).
    if (chart.name === "airflow" && o.source.startsWith("airflow/templates/")) o.omitNamespace = true;
    o.object.metadata.labels = {
      ...(o.object.metadata.labels ?? {}),
      "helm.toolkit.fluxcd.io/name": ref.hrName,
      "helm.toolkit.fluxcd.io/namespace": ref.hrNamespace,
    };
    return o;
  };
  return { manifests: rendered.manifests.map(post), hooks: rendered.hooks.map(post) };
}
