// HelmRelease values: valuesFrom (ConfigMap/Secret keys, in order, optional targetPath) then spec.values, and the
// chart's values.schema.json validation of the coalesced values (helm-schema.ts).
import { parse as parseYaml } from "yaml";
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asBool, asMap, asMaps, asString, deepMerge, isMap, specOf, unbase64, type JsonMap } from "../sim/objects";
import type { ChartVersion } from "./chart-catalog";
import { airflowValuesSchema, hasVendoredAirflowChart } from "./airflow-chart-files";
import { airflowValues } from "./airflow-chart";
import { schemaErrors, schemaFailureMessage } from "./helm-schema";

export type ComposeResult = { ok: true; values: JsonMap } | { ok: false; message: string };

export function composeValues(ctx: SimContext, hr: KObject): ComposeResult {
  const ns = hr.metadata.namespace ?? "";
  let values: JsonMap = {};
  for (const ref of asMaps(specOf(hr).valuesFrom)) {
    const kind = asString(ref.kind) ?? "ConfigMap";
    const name = asString(ref.name) ?? "";
    const valuesKey = asString(ref.valuesKey) ?? "values.yaml";
    const optional = asBool(ref.optional) === true;
    const obj = ctx.store.get(kind === "Secret" ? R.secrets : R.configmaps, ns, name);
    const raw = obj ? readKey(obj, kind, valuesKey) : undefined;
    if (raw === undefined) {
      if (optional) continue;
      const what = obj ? `with key '${valuesKey}'` : `'${ns}/${name}'`;
      return {
        ok: false,
        message: `could not resolve ${kind} chart values reference ${obj ? `'${ns}/${name}' ${what}` : what}`,
      };
    }
    const target = asString(ref.targetPath);
    if (target) {
      setPath(values, target, raw);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(raw);
    } catch (err) {
      return {
        ok: false,
        message: `unable to read values from key '${valuesKey}' in ${kind} '${ns}/${name}': ${(err as Error).message}`,
      };
    }
    if (parsed !== null && parsed !== undefined && !isMap(parsed)) {
      return {
        ok: false,
        message: `unable to read values from key '${valuesKey}' in ${kind} '${ns}/${name}': not a map`,
      };
    }
    values = deepMerge(values, parsed ?? {}) as JsonMap;
  }
  const inline = asMap(specOf(hr).values);
  if (inline) values = deepMerge(values, inline) as JsonMap;
  return { ok: true, values };
}

function readKey(obj: KObject, kind: string, key: string): string | undefined {
  if (kind === "Secret") {
    const data = asMap(obj.data);
    const v = asString(data?.[key]);
    return v === undefined ? asString(asMap(obj.stringData)?.[key]) : unbase64(v);
  }
  return asString(asMap(obj.data)?.[key]);
}

function setPath(target: JsonMap, path: string, value: string): void {
  const parts = path.split(".");
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    if (!isMap(cur[p])) cur[p] = {};
    cur = cur[p] as JsonMap;
  }
  cur[parts[parts.length - 1]] = value;
}

// --- chart values schema -------------------------------------------------------------------------------------

/** Helm's refusal when the coalesced values do not meet the chart's values.schema.json (only the vendored
 *  official Airflow chart has one here), or undefined. */
export function validateChartValues(chart: ChartVersion, values: JsonMap): string | undefined {
  if (chart.name !== "airflow" || !hasVendoredAirflowChart(chart.version)) return undefined;
  const errors = schemaErrors(airflowValuesSchema(chart.version), airflowValues(chart, values));
  return errors === undefined ? undefined : schemaFailureMessage(chart.name, errors);
}
