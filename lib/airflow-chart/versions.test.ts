// Chart lines, default Airflow versions, the secret keys each line wires, and the values paths each line honours,
// checked against charts/airflow/<version>/ (Chart.yaml, values.yaml, values.schema.json, templates).
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CHARTS_ABSENT_MESSAGE, CHARTS_DIR, CHARTS_PRESENT, VERSION_DIR } from "./test-support";
import { chartLine, CHART_LINES, defaultAirflowVersion, honoursValue, secretKeysHonoured, type ChartLine } from "./versions";

describe("chartLine", () => {
  it.each([
    ["1.18.0", "1.18"],
    ["v1.19.0-rc1", "1.19"],
    ["1.16.1", "1.16"],
    ["1.17.0", "1.17"],
    ["1.15.0", "1.16"],
    ["1.20.0", "1.19"],
    ["2.0.0", "1.19"],
    [undefined, "1.19"],
    ["", "1.19"],
    [">=1.16.0", "1.19"],
  ])("%s → %s", (version, line) => expect(chartLine(version)).toBe(line));
});

describe("defaultAirflowVersion", () => {
  it.each([
    ["1.16", "2.10.5"], // charts/airflow/1.16.0/Chart.yaml:23 appVersion, values.yaml:77 airflowVersion
    ["1.17", "3.0.2"], // 1.17.0/Chart.yaml:23, values.yaml:77
    ["1.18", "3.0.2"], // 1.18.0/Chart.yaml:23, values.yaml:77
    ["1.19", "3.1.7"], // 1.19.0/Chart.yaml:23, values.yaml:77
  ] as const)("%s → %s", (line, version) => expect(defaultAirflowVersion(line)).toBe(version));

  it.skipIf(!CHARTS_PRESENT)(CHARTS_PRESENT ? "equals Chart.yaml appVersion and values.yaml airflowVersion" : CHARTS_ABSENT_MESSAGE, () => {
    for (const line of CHART_LINES) {
      const dir = path.join(CHARTS_DIR, VERSION_DIR[line]);
      const chart = parse(fs.readFileSync(path.join(dir, "Chart.yaml"), "utf8")) as { appVersion: string };
      const values = parse(fs.readFileSync(path.join(dir, "values.yaml"), "utf8")) as { airflowVersion: string };
      expect([line, chart.appVersion, values.airflowVersion]).toEqual([line, defaultAirflowVersion(line), defaultAirflowVersion(line)]);
    }
  });
});

type Keys = [webserver: boolean, api: boolean, jwt: boolean];
describe("secretKeysHonoured: [webserver secret key, API secret key, JWT secret] wired / rendered", () => {
  it.each<[ChartLine, string, Record<string, unknown>, Keys, Keys]>([
    // 1.16: _helpers.yaml:94 wires the webserver key for every Airflow version; no API key, no JWT.
    ["1.16", "2.10.5", {}, [true, false, false], [true, false, false]],
    ["1.16", "3.0.2", {}, [true, false, false], [true, false, false]],
    // 1.17: _helpers.yaml:94 (webserver, any version), :101 (JWT, Airflow ≥ 3); secrets/jwt-secret.yaml:23-24.
    ["1.17", "2.10.5", {}, [true, false, false], [true, false, false]],
    ["1.17", "3.0.2", {}, [true, false, true], [true, false, true]],
    ["1.17", "3.0.2", { webserverSecretKeySecretName: "ws" }, [true, false, true], [false, false, true]],
    // 1.18: _helpers.yaml:94 (webserver, Airflow < 3), :101 (API key), :108 (JWT);
    // secrets/webserver-secret-key-secret.yaml:23 also needs webserver.enabled.
    ["1.18", "2.10.5", {}, [true, false, false], [true, false, false]],
    ["1.18", "2.10.5", { webserver: { enabled: false } }, [true, false, false], [false, false, false]],
    ["1.18", "3.0.2", {}, [false, true, true], [false, true, true]],
    ["1.18", "3.0.2", { jwtSecretName: "jwt", apiSecretKeySecretName: "api" }, [false, true, true], [false, false, false]],
    // A pre-release satisfies neither "<3.0.0" nor ">=3.0.0" in Helm's semverCompare.
    ["1.18", "3.0.0-rc1", {}, [false, false, false], [false, false, false]],
    // 1.19: secrets/webserver-secret-key-secret.yaml:23 ignores webserver.enabled; api-secret-key-secret.yaml:23 and
    // jwt-secret.yaml:24 need apiServer.enabled, the env (_helpers.yaml:101, :108) does not.
    ["1.19", "2.10.5", { webserver: { enabled: false } }, [true, false, false], [true, false, false]],
    ["1.19", "3.1.7", {}, [false, true, true], [false, true, true]],
    ["1.19", "3.1.7", { apiServer: { enabled: false } }, [false, true, true], [false, false, false]],
    ["1.19", "3.1.7", { enableBuiltInSecretEnvVars: { AIRFLOW__API_AUTH__JWT_SECRET: false } }, [false, true, false], [false, true, true]],
  ])("%s, Airflow %s, %j → wired %j, rendered %j", (line, af, values, wired, rendered) => {
    const f = secretKeysHonoured(line, af, values);
    expect([f.webserverSecretKey, f.apiSecretKey, f.jwtSecret]).toEqual(wired);
    expect([f.rendered.webserverSecretKey, f.rendered.apiSecretKey, f.rendered.jwtSecret]).toEqual(rendered);
  });
});

// why: "schema" = the answer is whether values.schema.json describes the path; "template" = honoured although the
// schema does not list it (a template reads it); "ignored" = the schema accepts it but no template reads it.
type Why = "schema" | "template" | "ignored";
const HONOURS: Array<[string, [boolean, boolean, boolean, boolean], Why[]]> = [
  //  path                                   1.16   1.17   1.18   1.19
  ["apiSecretKeySecretName", [false, false, true, true], ["schema"]],
  ["apiSecretKey", [false, false, true, true], ["schema"]],
  ["jwtSecretName", [false, true, true, true], ["schema"]],
  ["jwtSecret", [false, true, true, true], ["schema"]],
  ["webserverSecretKeySecretName", [true, true, true, true], ["schema"]],
  ["fernetKeySecretName", [true, true, true, true], ["schema"]],
  ["useStandardNaming", [true, true, true, true], ["schema"]],
  // 1.16.0/templates/api-server/api-server-deployment.yaml:50 reads it and the 1.16 schema lists it (values.yaml has
  // no default) — contrary to DOMAIN.md §4, which says 1.16 lacks it.
  ["apiServer.replicas", [true, true, true, true], ["schema"]],
  ["apiServer.hpa", [false, false, false, true], ["schema"]],
  ["apiServer.hpa.maxReplicaCount", [false, false, false, true], ["schema"]],
  ["apiServer.enabled", [false, false, false, true], ["schema"]],
  ["apiServer.apiServerConfig", [false, true, true, true], ["schema"]],
  // 1.17/1.18 templates/api-server/api-server-ingress.yaml:24 reads ingress.apiServer; the schema lists it from 1.19.
  ["ingress.apiServer.enabled", [false, true, true, true], ["schema", "template", "template", "schema"]],
  ["webserver.defaultUser.enabled", [true, true, true, true], ["schema"]],
  // The 1.16–1.18 schemas list apiServer.defaultUser; jobs/create-user-job.yaml reads webserver.defaultUser only.
  ["apiServer.defaultUser.enabled", [false, false, false, false], ["ignored", "ignored", "ignored", "schema"]],
  ["createUserJob.enabled", [false, false, false, true], ["schema"]],
  // In the 1.19 schema, but jobs/create-user-job.yaml:23 is switched by createUserJob.enabled.
  ["createUserJob.defaultUser.enabled", [false, false, false, false], ["schema", "schema", "schema", "ignored"]],
  ["createUserJob.defaultUser.username", [false, false, false, true], ["schema"]],
  ["triggerer.podDisruptionBudget.enabled", [false, false, false, true], ["schema"]],
  ["dagProcessor.podDisruptionBudget.enabled", [false, false, false, true], ["schema"]],
  ["workers.podDisruptionBudget.enabled", [false, false, false, true], ["schema"]],
  ["workers.celery.sets", [false, false, false, true], ["schema"]],
  ["scheduler.podDisruptionBudget.config.minAvailable", [true, true, true, true], ["schema"]],
  // 1.19 opens the PDB config (additionalProperties: true) and passes it whole (scheduler-poddisruptionbudget.yaml:44).
  ["scheduler.podDisruptionBudget.config.unhealthyPodEvictionPolicy", [false, false, false, true], ["schema"]],
  ["config.metrics.statsd_host", [true, true, true, true], ["schema"]],
  ["env[0].name", [true, true, true, true], ["schema"]],
  ["extraEnv", [true, true, true, true], ["schema"]],
  ["dags.gitSync.wait", [true, true, true, true], ["schema"]],
  ["dags.gitSync.credentialsSecret", [true, true, true, true], ["schema"]],
  ["scheduler.affinity.nodeAffinity", [true, true, true, true], ["schema"]],
  ["notAChartValue", [false, false, false, false], ["schema"]],
];

const rows = HONOURS.flatMap(([p, answers, why]) =>
  CHART_LINES.map((line, i) => [line, p, answers[i], why[Math.min(i, why.length - 1)]] as const),
);

describe("honoursValue", () => {
  it.each(rows)("%s %s → %s (%s)", (line, p, honoured) => expect(honoursValue(line, p)).toBe(honoured));

  it("the bundled PostgreSQL subchart's values are honoured (Chart.yaml dependency postgresql, condition postgresql.enabled)", () => {
    expect(honoursValue("1.18", "postgresql.auth.existingSecret")).toBe(true);
    expect(honoursValue("1.18", "")).toBe(false);
  });

  it.skipIf(!CHARTS_PRESENT)(
    CHARTS_PRESENT ? "every row agrees with the real values.schema.json and templates" : CHARTS_ABSENT_MESSAGE,
    () => {
      for (const [line, p, honoured, why] of rows) {
        const dir = path.join(CHARTS_DIR, VERSION_DIR[line]);
        const schema = schemaOf(dir);
        const read = templatesRead(dir, p.replace(/\[\d+\]/g, ""));
        const inSchema = describedBySchema(schema, p.replace(/\[\d+\]/g, "").split("."));
        const facts = { line, p, why, inSchema, read, honoured };
        if (why === "schema") expect(facts).toEqual({ ...facts, inSchema: honoured });
        if (why === "template") expect(facts).toEqual({ ...facts, inSchema: false, read: true, honoured: true });
        if (why === "ignored") expect(facts).toEqual({ ...facts, inSchema: true, read: false, honoured: false });
      }
    },
  );
});

type Node = { properties?: Record<string, Node>; type?: string | string[]; $ref?: string; additionalProperties?: unknown };

/** An independent reading of a schema: follow `properties`; `additionalProperties: true` or a node without properties
 * (object, array, $ref) is free-form. */
function describedBySchema(node: Node, parts: string[]): boolean {
  if (parts.length === 0) return true;
  const next = node.properties?.[parts[0]];
  if (next) return describedBySchema(next, parts.slice(1));
  if (node.additionalProperties === true) return true;
  if (node.properties) return false;
  const types = ([] as string[]).concat(node.type ?? []);
  return node.$ref !== undefined || types.includes("object") || types.includes("array");
}

const schemas = new Map<string, Node>();
function schemaOf(dir: string): Node {
  if (!schemas.has(dir)) schemas.set(dir, JSON.parse(fs.readFileSync(path.join(dir, "values.schema.json"), "utf8")) as Node);
  return schemas.get(dir)!;
}

const templateTexts = new Map<string, string[]>();

/** Does any template of the version read `.Values.<path>` (or a deeper key of it)? */
function templatesRead(dir: string, p: string): boolean {
  const needle = new RegExp(`\\.Values\\.${p.replace(/\./g, "\\.")}(?![A-Za-z0-9_])`);
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  if (!templateTexts.has(dir)) templateTexts.set(dir, walk(path.join(dir, "templates")).map((f) => fs.readFileSync(f, "utf8")));
  return templateTexts.get(dir)!.some((text) => needle.test(text));
}
