// Chart dispatch: the airflow chart is simulated in detail, everything else generically.
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asMap, asString, unbase64, type JsonMap } from "../sim/objects";
import type { ChartVersion } from "./chart-catalog";
import { renderAirflow, type SecretValueSource } from "./airflow-chart";
import { renderGeneric } from "./generic-chart";
import type { ReleaseRef, Rendered } from "./chart-objects";

export function renderChart(ctx: SimContext, ref: ReleaseRef, chart: ChartVersion, values: JsonMap): Rendered {
  const secrets: SecretValueSource = {
    rng: ctx.rng,
    existing(name, key) {
      const s = ctx.store.get(R.secrets, ref.namespace, name);
      const v = asString(asMap(s?.data)?.[key]);
      return v === undefined ? undefined : unbase64(v);
    },
  };
  return chart.name === "airflow"
    ? renderAirflow(ref, chart, values, secrets)
    : renderGeneric(ref, chart, values, secrets);
}
