// The defaults values.ts applies are the real ones of each chart version's values.yaml.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CHARTS_ABSENT_MESSAGE, CHARTS_DIR, CHARTS_PRESENT, VERSION_DIR } from "./test-support";
import { chartDefaultsFor, readValues, truthy } from "./values";
import { CHART_LINES } from "./versions";

function leaves(v: unknown, prefix = ""): Array<[string, unknown]> {
  if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length > 0)
    return Object.entries(v).flatMap(([k, c]) => leaves(c, prefix ? `${prefix}.${k}` : k));
  return [[prefix, v]];
}

function at(values: unknown, p: string): unknown {
  return p.split(".").reduce<unknown>((cur, k) => (cur && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined), values);
}

describe("chart defaults", () => {
  it.skipIf(!CHARTS_PRESENT)(CHARTS_PRESENT ? "every default equals charts/airflow/<version>/values.yaml" : CHARTS_ABSENT_MESSAGE, () => {
    for (const line of CHART_LINES) {
      const real = parse(fs.readFileSync(path.join(CHARTS_DIR, VERSION_DIR[line], "values.yaml"), "utf8"));
      for (const [p, value] of leaves(chartDefaultsFor(line))) expect({ line, p, value: at(real, p) ?? null }).toEqual({ line, p, value });
    }
  });

  it("1.19 has no webserver.defaultUser default (values.yaml comments it out), 1.16–1.18 enable it", () => {
    expect(readValues("1.19", {}).get("webserver.defaultUser")).toBeUndefined();
    expect(readValues("1.18", {}).on("webserver.defaultUser.enabled")).toBe(true);
  });
});

describe("readValues", () => {
  it("takes the user's value, even null, over the default", () => {
    const v = readValues("1.18", { redis: { enabled: null }, statsd: { enabled: false }, fernetKeySecretName: "" });
    expect(v.get("redis.enabled")).toBeNull();
    expect(v.on("redis.enabled")).toBe(false);
    expect(v.on("statsd.enabled")).toBe(false);
    expect(v.on("triggerer.enabled")).toBe(true);
    expect(v.str("fernetKeySecretName")).toBeUndefined();
  });

  it("Go template truthiness", () => {
    expect([false, 0, "", null, undefined, [], {}].map(truthy)).toEqual([false, false, false, false, false, false, false]);
    expect([true, 1, "x", [0], { a: 1 }].map(truthy)).toEqual([true, true, true, true, true]);
  });
});
