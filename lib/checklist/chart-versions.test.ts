// Secret-key items per chart version (1.16–1.19) × Airflow 2/3, from the env each chart version renders
// (`standard_airflow_environment` in charts/airflow/<v>/templates/_helpers.yaml):
//   1.16.0 L94-99   AIRFLOW__WEBSERVER__SECRET_KEY for every Airflow version; no API key, no JWT secret.
//   1.17.0 L94-99   AIRFLOW__WEBSERVER__SECRET_KEY for every Airflow version;
//          L101-106 AIRFLOW__API_AUTH__JWT_SECRET when airflowVersion >= 3.0.0; no API key.
//   1.18.0 L94-99   AIRFLOW__WEBSERVER__SECRET_KEY only when airflowVersion < 3.0.0;
//          L101-106 AIRFLOW__API__SECRET_KEY and L108-113 AIRFLOW__API_AUTH__JWT_SECRET when >= 3.0.0.
//   1.19.0 same lines as 1.18.0.
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { editValues, item, scenario, type Scenario } from "./fixtures/mutate";
import type { ChecklistResult } from "./types";

const AF3 = "airflow3-production.yaml";
const SECRET_ITEMS = ["secrets.webserver-secret-key", "secrets.api-secret-key", "secrets.jwt-secret"] as const;
const ROTATION_ITEMS = ["secrets.rotation.webserver", "secrets.rotation.api", "secrets.rotation.jwt"] as const;

/** The AF3 production fixture moved to a chart version and Airflow version (Helm applied it). */
function release(chartVersion: string, airflowVersion: string): Scenario {
  const s = scenario(AF3);
  editValues(s, (v) => {
    v.airflowVersion = airflowVersion;
    v.defaultAirflowTag = airflowVersion;
    v.webserverSecretKeySecretName = "airflow-webserver-secret-key";
  });
  if (!s.helm) throw new Error("the AF3 fixture has a Helm record");
  s.helm.chartVersion = chartVersion;
  s.add({
    apiVersion: "v1",
    kind: "Secret",
    type: "Opaque",
    metadata: { name: "airflow-webserver-secret-key", namespace: "airflow" },
    data: { "webserver-secret-key": Buffer.from("0f5b3c8e7a9d4f21b6c0e8a7d3f5b9c1").toString("base64") },
  });
  return s;
}

type Row = [chart: string, airflow: string, webserver: string, api: string, jwt: string];
const NA = "not-applicable";

const ROWS: Row[] = [
  ["1.16.0", "2.10.5", "pass", NA, NA],
  ["1.16.0", "3.0.2", "pass", NA, NA],
  ["1.17.0", "2.10.5", "pass", NA, NA],
  ["1.17.0", "3.0.2", "pass", NA, "pass"],
  ["1.18.0", "2.10.5", "pass", NA, NA],
  ["1.18.0", "3.0.2", NA, "pass", "pass"],
  ["1.19.0", "2.10.5", "pass", NA, NA],
  ["1.19.0", "3.1.7", NA, "pass", "pass"],
];

const statuses = (r: ChecklistResult, ids: readonly string[]) => ids.map((id) => item(r, id).status);

describe("secret-key items follow the chart version × Airflow version", () => {
  it.each(ROWS)("chart %s, Airflow %s → webserver %s, API key %s, JWT %s", (chart, af, web, api, jwt) => {
    const result = release(chart, af).evaluate();
    expect(result.subject.chartVersion).toBe(chart);
    expect(statuses(result, SECRET_ITEMS)).toEqual([web, api, jwt]);
    // Rotation attestations exist exactly for the keys the chart reads.
    const wantRotation = [web, api, jwt].map((s) => (s === NA ? NA : "needs-attestation"));
    expect(statuses(result, ROTATION_ITEMS)).toEqual(wantRotation);
  });

  it("a chart-1.16 + Airflow 3 release says why it has no API-key or JWT item", () => {
    const result = release("1.16.0", "3.0.2").evaluate();
    expect(item(result, "secrets.api-secret-key").message).toContain("reads the webserver secret key");
    expect(item(result, "secrets.jwt-secret").message).toContain("has no JWT secret");
  });

  it("1.16/1.17 ignore apiSecretKeySecretName: the webserver item says so", () => {
    // root of values.schema.json is open, so `apiSecretKeySecretName` is accepted on 1.16/1.17 and never read.
    const result = release("1.17.0", "3.0.2").evaluate();
    const web = item(result, "secrets.webserver-secret-key");
    expect(web.evidence.map((e) => e.text).join("\n")).toContain(
      "`apiSecretKeySecretName` is set but chart 1.17.0 ignores it",
    );
  });
});

describe("fix snippets name only values the chart version honours", () => {
  /** Every values key named in a fix snippet of the result. */
  function snippetKeys(result: ChecklistResult): string[] {
    const keys: string[] = [];
    const walk = (v: unknown, prefix: string) => {
      if (!v || typeof v !== "object" || Array.isArray(v)) return;
      for (const [k, x] of Object.entries(v)) {
        keys.push(prefix ? `${prefix}.${k}` : k);
        walk(x, prefix ? `${prefix}.${k}` : k);
      }
    };
    for (const i of result.items) if (i.fix?.valuesSnippet) walk(parseYaml(i.fix.valuesSnippet), "");
    return keys;
  }

  /** The release with every secret key unset and inlined instead (all four inline keys). */
  function unsetAndInlined(chart: string, af: string): ChecklistResult {
    const s = release(chart, af);
    editValues(s, (v) => {
      delete v.webserverSecretKeySecretName;
      delete v.apiSecretKeySecretName;
      delete v.jwtSecretName;
      v.webserverSecretKey = "inline-webserver-key-value";
      v.apiSecretKey = "inline-api-key-value";
      v.jwtSecret = "inline-jwt-secret-value";
    });
    return s.evaluate();
  }

  it.each([
    // 1.16.0 values.yaml has neither jwtSecret* nor apiSecretKey*; 1.17.0 adds jwtSecret* (L561-562);
    // 1.18.0 adds apiSecretKey* (L556-559).
    ["1.16.0", "3.0.2", ["webserverSecretKeySecretName"], ["apiSecretKeySecretName", "jwtSecretName"]],
    ["1.17.0", "3.0.2", ["webserverSecretKeySecretName", "jwtSecretName"], ["apiSecretKeySecretName"]],
    // 1.18+/Airflow 3 never read the webserver key (_helpers.yaml L94: airflowVersion < 3.0.0 only).
    ["1.18.0", "3.0.2", ["apiSecretKeySecretName", "jwtSecretName"], ["webserverSecretKeySecretName"]],
    ["1.19.0", "3.1.7", ["apiSecretKeySecretName", "jwtSecretName"], ["webserverSecretKeySecretName"]],
    ["1.18.0", "2.10.5", ["webserverSecretKeySecretName"], ["apiSecretKeySecretName", "jwtSecretName"]],
  ])("chart %s, Airflow %s: snippets name %j, never %j", (chart, af, named, never) => {
    const result = unsetAndInlined(chart, af);
    const keys = snippetKeys(result);
    for (const k of named) expect(keys, k).toContain(k);
    for (const k of never) expect(keys, k).not.toContain(k);
    expect(JSON.stringify(result)).not.toContain("inline-api-key-value");
  });

  it("an inline jwtSecret on 1.16 is to be removed, not moved to a Secret the chart never reads", () => {
    const fix = item(unsetAndInlined("1.16.0", "3.0.2"), "secrets.no-inline").fix;
    expect(fix?.text).toContain("Chart 1.16.0 ignores `jwtSecret`");
    expect(parseYaml(fix?.valuesSnippet ?? "")).toEqual({
      webserverSecretKeySecretName: "airflow-webserver-secret-key",
    });
  });
});
