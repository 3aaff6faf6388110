// Helm's value coalescing (helm pkg/chart/common/util/coalesce.go, CoalesceValues): the user-supplied values over
// the chart's values.yaml. Maps merge recursively; a user `null` deletes the key (and with it the chart default);
// any other user value replaces the default (a map where the chart has a scalar, or the reverse, is kept as the user
// gave it, as Helm does after printing a warning). Pure.
import { isMap, type JsonMap } from "../sim/objects";

export function coalesceValues(defaults: JsonMap, user: JsonMap): JsonMap {
  const out = structuredClone(user);
  coalesceInto(out, defaults);
  return out;
}

function coalesceInto(dst: JsonMap, chart: JsonMap): void {
  for (const [key, chartValue] of Object.entries(chart)) {
    if (!(key in dst)) {
      dst[key] = structuredClone(chartValue);
      continue;
    }
    const userValue = dst[key];
    if (userValue === null) {
      delete dst[key];
      continue;
    }
    if (isMap(userValue) && isMap(chartValue)) coalesceInto(userValue, chartValue);
  }
}
