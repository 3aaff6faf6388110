import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { chartDefaults, defaultsTableFor } from "./chart-defaults";
import { targetPathValue } from "./target-path";
import {
  airflowMajor,
  coalesceValues,
  composeValues,
  effectiveValues,
  getPath,
  mergeMaps,
  originOf,
  valuesDigest,
  type Values,
} from "./values";
import type { ValuesFromSource } from "./snapshot";

function hr(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: "airflow", namespace: "airflow" },
    spec,
    status,
  };
}

const cm = (name: string, data: Record<string, string>): ValuesFromSource => ({ kind: "ConfigMap", name, data });
const secret = (name: string, data: Record<string, string>): ValuesFromSource => ({ kind: "Secret", name, data });

describe("mergeMaps / coalesceValues (Helm semantics)", () => {
  it.each([
    ["maps merge recursively", { a: { b: 1, c: 2 } }, { a: { c: 3, d: 4 } }, { a: { b: 1, c: 3, d: 4 } }],
    ["lists replace, never merge", { l: [1, 2, 3] }, { l: [9] }, { l: [9] }],
    ["a flat value replaces a map", { a: { b: 1 } }, { a: "x" }, { a: "x" }],
    ["a map replaces a flat value", { a: "x" }, { a: { b: 1 } }, { a: { b: 1 } }],
  ])("%s", (_name, a, b, want) => {
    expect(mergeMaps(a as Values, b as Values)).toEqual(want);
  });

  it("does not mutate its inputs", () => {
    const a = { a: { b: 1 } };
    const b = { a: { c: 2 } };
    mergeMaps(a, b);
    expect(a).toEqual({ a: { b: 1 } });
  });

  it("a user null deletes the chart default (Helm coalesce)", () => {
    expect(coalesceValues({ a: { b: 1, c: 2 } }, { a: { b: null } })).toEqual({ a: { c: 2 } });
  });
});

describe("composeValues: chart defaults ⊕ valuesFrom in order ⊕ spec.values, targetPath last", () => {
  const defaults = { scheduler: { replicas: 1 }, statsd: { enabled: true } };

  it("merges valuesFrom in order and spec.values last", () => {
    const release = hr({
      valuesFrom: [
        { kind: "ConfigMap", name: "base" },
        { kind: "Secret", name: "override" },
      ],
      values: { scheduler: { replicas: 3 } },
    });
    const sources = [
      cm("base", { "values.yaml": "scheduler:\n  replicas: 2\npgbouncer:\n  enabled: true\n" }),
      secret("override", { "values.yaml": "pgbouncer:\n  enabled: false\n" }),
    ];
    const c = composeValues(release, sources, defaults);
    expect(c.values).toEqual({ scheduler: { replicas: 3 }, statsd: { enabled: true }, pgbouncer: { enabled: false } });
    expect(c.user).toEqual({ scheduler: { replicas: 3 }, pgbouncer: { enabled: false } });
    expect(originOf(c.layers, "scheduler.replicas")).toBe("spec.values");
    expect(originOf(c.layers, "pgbouncer.enabled")).toBe("Secret/override");
    expect(originOf(c.layers, "statsd.enabled")).toBe("chart default");
    expect(originOf(c.layers, "nothing.here")).toBeUndefined();
  });

  it("an absent key means the chart default", () => {
    const values = effectiveValues(hr({ values: {} }), [], chartDefaults("1.16.0"));
    expect(getPath(values, "postgresql.enabled")).toBe(true);
    expect(getPath(values, "pgbouncer.enabled")).toBe(false);
    expect(getPath(values, "scheduler.replicas")).toBe(1);
    expect(getPath(values, "statsd.enabled")).toBe(true);
    expect(getPath(values, "dags.gitSync.enabled")).toBe(false);
    expect(getPath(values, "scheduler.podDisruptionBudget.enabled")).toBe(false);
    expect(getPath(values, "webserver.podDisruptionBudget.enabled")).toBe(false);
  });

  it("respects valuesKey (default values.yaml)", () => {
    const release = hr({ valuesFrom: [{ kind: "ConfigMap", name: "v", valuesKey: "prod.yaml" }] });
    const c = composeValues(release, [cm("v", { "values.yaml": "a: 1\n", "prod.yaml": "a: 2\n" })], {});
    expect(c.user).toEqual({ a: 2 });
  });

  // Mirrors fluxcd/pkg chartutil TestChartValuesFromReferences "target path precedence over all".
  it("targetPath overrides everything, including spec.values", () => {
    const release = hr({
      valuesFrom: [
        { kind: "Secret", name: "values", valuesKey: "key", targetPath: "nested.configuration[0]" },
        { kind: "ConfigMap", name: "values" },
      ],
      values: { nested: { configuration: ["list", "item", "option"] } },
    });
    const sources = [
      secret("values", { key: "value" }),
      cm("values", { "values.yaml": "flat: value\nnested:\n  configuration:\n  - one\n  - two\n  - three\n" }),
    ];
    expect(composeValues(release, sources, {}).user).toEqual({
      flat: "value",
      nested: { configuration: ["value", "item", "option"] },
    });
  });

  it("targetPath sets a scalar over spec.values and is reported as the origin", () => {
    const release = hr({
      valuesFrom: [{ kind: "ConfigMap", name: "git", valuesKey: "repo", targetPath: "dags.gitSync.repo" }],
      values: { dags: { gitSync: { repo: "https://example.com/old.git", enabled: true } } },
    });
    const c = composeValues(release, [cm("git", { repo: "git@github.com:acme/dags.git" })], {});
    expect(getPath(c.user, "dags.gitSync.repo")).toBe("git@github.com:acme/dags.git");
    expect(getPath(c.user, "dags.gitSync.enabled")).toBe(true);
    expect(originOf(c.layers, "dags.gitSync.repo")).toBe("ConfigMap/git (repo) → dags.gitSync.repo");
  });

  it.each([
    ["true", true],
    ["false", false],
    ["3", 3],
    ["007", "007"],
    ['"true"', "true"],
    ["'2'", "2"],
    ["{a,b}", ["a", "b"]],
    ["value1\\,value2", "value1,value2"],
    ["null", null],
  ])("targetPath value %s is typed like strvals", (raw, want) => {
    expect(targetPathValue(raw)).toEqual(want);
  });

  it("escaped dots in targetPath address a single key", () => {
    const release = hr({
      valuesFrom: [
        { kind: "ConfigMap", name: "n", valuesKey: "role", targetPath: "nodeSelector.kubernetes\\.io/role" },
      ],
    });
    expect(composeValues(release, [cm("n", { role: "master" })], {}).user).toEqual({
      nodeSelector: { "kubernetes.io/role": "master" },
    });
  });

  it.each([
    ["missing non-optional source", [{ kind: "ConfigMap", name: "gone" }], [], 1, 0],
    ["missing optional source", [{ kind: "ConfigMap", name: "gone", optional: true }], [], 0, 1],
    [
      "missing non-optional key",
      [{ kind: "ConfigMap", name: "v", valuesKey: "nope" }],
      [cm("v", { "values.yaml": "a: 1" })],
      1,
      0,
    ],
    [
      "missing optional key",
      [{ kind: "ConfigMap", name: "v", valuesKey: "nope", optional: true }],
      [cm("v", {})],
      0,
      1,
    ],
    ["YAML that is not a map", [{ kind: "ConfigMap", name: "v" }], [cm("v", { "values.yaml": "- a\n- b\n" })], 1, 0],
    ["unsupported kind", [{ kind: "Bucket", name: "v" }], [], 1, 0],
  ])("%s is reported (problems vs notes)", (_n, refs, sources, problems, notes) => {
    const c = composeValues(hr({ valuesFrom: refs }), sources as ValuesFromSource[], {});
    expect(c.problems).toHaveLength(problems);
    expect(c.notes).toHaveLength(notes);
  });
});

describe("chartDefaults", () => {
  // Default Airflow per chart: charts/airflow/<v>/values.yaml `airflowVersion` (1.16.0: 2.10.5; 1.17.0 and 1.18.0:
  // 3.0.2; 1.19.0: 3.1.7). Versions outside 1.16–1.19 use the nearest chart line.
  it.each([
    ["1.16.0", "1.16", "2.10.5"],
    ["1.17.0", "1.17", "3.0.2"],
    ["1.18.0", "1.18", "3.0.2"],
    ["1.19.0", "1.19", "3.1.7"],
    ["1.15.0", "1.16", "2.10.5"],
    ["1.20.0", "1.19", "3.1.7"],
  ])("chart %s uses the %s table (airflowVersion %s)", (version, table, af) => {
    expect(defaultsTableFor(version)).toBe(table);
    expect(chartDefaults(version).airflowVersion).toBe(af);
  });

  it("secret key values exist per chart version (values.yaml of each version)", () => {
    // 1.16.0 values.yaml: webserverSecretKey* only (L499-500); 1.17.0 adds jwtSecret* (L561-562);
    // 1.18.0 adds apiSecretKey* (L556-559).
    expect("jwtSecretName" in chartDefaults("1.16.0")).toBe(false);
    expect("apiSecretKeySecretName" in chartDefaults("1.16.0")).toBe(false);
    expect(chartDefaults("1.17.0").jwtSecretName).toBeNull();
    expect("apiSecretKeySecretName" in chartDefaults("1.17.0")).toBe(false);
    expect(chartDefaults("1.18.0").apiSecretKeySecretName).toBeNull();
    expect(chartDefaults("1.19.0").jwtSecretName).toBeNull();
  });

  it("apiServer defaults follow the chart version", () => {
    // 1.16.0 values.yaml has no apiServer.replicas (api-server-deployment.yaml L50 renders it empty → 1);
    // 1.19.0 adds apiServer.enabled: true.
    expect(getPath(chartDefaults("1.16.0"), "apiServer.replicas")).toBeUndefined();
    expect(getPath(chartDefaults("1.18.0"), "apiServer.replicas")).toBe(1);
    expect(getPath(chartDefaults("1.18.0"), "apiServer.podDisruptionBudget.enabled")).toBe(false);
    expect(getPath(chartDefaults("1.18.0"), "apiServer.enabled")).toBeUndefined();
    expect(getPath(chartDefaults("1.19.0"), "apiServer.enabled")).toBe(true);
  });
});

describe("airflowMajor", () => {
  const release = (appVersion?: string) =>
    hr({}, appVersion ? { history: [{ chartName: "airflow", appVersion }] } : {});
  it.each([
    ["airflowVersion 3.0.2", { airflowVersion: "3.0.2" }, undefined, 3],
    ["airflowVersion 2.10.5", { airflowVersion: "2.10.5" }, undefined, 2],
    ["defaultAirflowTag only", { defaultAirflowTag: "3.1.0-python3.12" }, undefined, 3],
    ["history appVersion only", {}, "3.0.2", 3],
    ["nothing known", {}, undefined, 2],
    ["airflowVersion wins over the tag", { airflowVersion: "2.10.5", defaultAirflowTag: "3.0.2" }, undefined, 2],
  ])("%s → %s", (_n, values, app, want) => {
    expect(airflowMajor(values, release(app))).toBe(want);
  });

  it("follows the chart default when the key is absent", () => {
    expect(airflowMajor(effectiveValues(hr({}), [], chartDefaults("1.16.0")), hr({}))).toBe(2);
    expect(airflowMajor(effectiveValues(hr({}), [], chartDefaults("1.17.0")), hr({}))).toBe(3);
  });
});

describe("valuesDigest", () => {
  it("is sha256 over canonical JSON: key order does not matter", () => {
    const a = valuesDigest({ b: 1, a: { y: 2, x: [1, 2] } });
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(valuesDigest({ a: { x: [1, 2], y: 2 }, b: 1 })).toBe(a);
  });

  it.each([
    ["a changed scalar", { b: 2, a: { y: 2, x: [1, 2] } }],
    ["a reordered list", { b: 1, a: { y: 2, x: [2, 1] } }],
    ["an added key", { b: 1, a: { y: 2, x: [1, 2] }, c: null }],
  ])("changes with %s", (_n, other) => {
    expect(valuesDigest(other)).not.toBe(valuesDigest({ b: 1, a: { y: 2, x: [1, 2] } }));
  });
});
