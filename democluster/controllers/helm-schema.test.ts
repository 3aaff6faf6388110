// Values validation like Helm 4: the coalesced values against each chart version's real values.schema.json, the
// errors printed the way santhosh-tekuri/jsonschema (Helm's validator) prints them, and the refusal of seed 002's
// values (../shared/seeds/002_*.txt: list-typed `extraEnv` and `scheduler.extraEnv`, PDB `minAvailable` outside
// `config`) both as a pure check and by the demo's helm-controller.
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { airflowValues } from "./airflow-chart";
import { airflowValuesSchema } from "./airflow-chart-files";
import { schemaErrors, schemaFailureMessage } from "./helm-schema";
import { validateChartValues } from "./helm-values";
import { apply, cond, patchSpec, startHarness, waitFor, type Harness } from "./test-harness";
import { airflowRelease, helmRepository, metadataSecret, ns } from "./test-fixtures";

const SEED_002 = parse(fs.readFileSync(path.join(__dirname, "testdata/seed-002-values.yaml"), "utf8")) as Record<
  string,
  unknown
>;
const chart = (version: string) => ({
  name: "airflow",
  version,
  appVersion: version === "1.16.0" ? "2.10.5" : "3.0.2",
});
const errorsFor = (version: string, values: Record<string, unknown>) =>
  schemaErrors(airflowValuesSchema(version), airflowValues(chart(version), values));

describe("values.schema.json validation", () => {
  it.each(["1.16.0", "1.17.0", "1.18.0", "1.19.0"])("%s: the chart's own defaults are valid", (version) => {
    expect(errorsFor(version, {})).toBeUndefined();
  });

  it("the seed 002 fixture holds the exercise's values verbatim where they matter", () => {
    const seed = fs
      .readdirSync(path.resolve(__dirname, "../../../shared/seeds"))
      .find((f) => f.startsWith("002_")) as string;
    const text = fs.readFileSync(path.resolve(__dirname, "../../../shared/seeds", seed), "utf8");
    for (const line of [
      "  extraEnv:",
      "    - name: AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK",
      "    minAvailable: 1",
      "extraEnv:",
    ])
      expect(text).toContain(line);
    expect(Array.isArray(SEED_002.extraEnv)).toBe(true);
  });

  it.each(["1.16.0", "1.17.0", "1.18.0"])(
    "%s refuses seed 002: extraEnv lists and PDB minAvailable outside config",
    (version) => {
      // scheduler and webserver: additionalProperties false, podDisruptionBudget additionalProperties false;
      // extraEnv: type [null, string] (charts/airflow/<version>/values.schema.json).
      expect(errorsFor(version, SEED_002)).toBe(
        [
          "- at '/scheduler': validation failed",
          "  - at '/scheduler/podDisruptionBudget': additional properties 'minAvailable' not allowed",
          "  - at '/scheduler': additional properties 'extraEnv' not allowed",
          "- at '/webserver/podDisruptionBudget': additional properties 'minAvailable' not allowed",
          "- at '/extraEnv': got array, want null or string",
        ].join("\n"),
      );
    },
  );

  it("1.19 accepts minAvailable beside `enabled` (its PDB schemas allow more properties) but refuses the rest", () => {
    expect(errorsFor("1.19.0", SEED_002)).toBe(
      [
        "- at '/scheduler': additional properties 'extraEnv' not allowed",
        "- at '/extraEnv': got array, want null or string",
      ].join("\n"),
    );
  });

  it("prints Helm's message, a type error hiding the errors below it, unknown root keys accepted", () => {
    const errors = errorsFor("1.18.0", {
      executor: 3,
      scheduler: { replicas: "2" },
      workers: "many",
      notAChartKey: { anything: true },
    });
    expect(errors).toBe(
      [
        "- at '/executor': got number, want string",
        "- at '/scheduler/replicas': got string, want integer",
        "- at '/workers': got string, want object",
      ].join("\n"),
    );
    expect(validateChartValues(chart("1.18.0"), { executor: 3 })).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- at '/executor': got number, want string",
    );
    expect(schemaFailureMessage("airflow", "- x")).toBe(
      "values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- x",
    );
    expect(
      validateChartValues({ name: "grafana", version: "8.6.0", appVersion: "11.3.1" }, { executor: 3 }),
    ).toBeUndefined();
  });

  it("a user null removes a default before validation (Helm's coalescing)", () => {
    expect(airflowValues(chart("1.18.0"), { statsd: null })).not.toHaveProperty("statsd");
    const defaults = airflowValues(chart("1.18.0"), {}).statsd as Record<string, unknown>;
    expect(airflowValues(chart("1.18.0"), { statsd: { enabled: false } }).statsd).toEqual({
      ...defaults,
      enabled: false,
    });
  });
});

describe("the demo's helm-controller refuses seed 002's values on upgrade", () => {
  let h: Harness;
  const NS = "seed";
  const hr = () => h.store.get(R.helmreleases, NS, NS) as KObject;
  const revisions = () =>
    h.store
      .list(R.secrets, NS)
      .filter((s) => s.type === "helm.sh/release.v1")
      .map((s) => s.metadata.name);

  beforeAll(async () => {
    h = await startHarness();
    apply(h.store, [
      ns(NS),
      helmRepository(),
      metadataSecret(NS),
      airflowRelease(NS, NS, {
        airflowVersion: "3.0.2",
        executor: "KubernetesExecutor",
        postgresql: { enabled: false },
        data: { metadataSecretName: "airflow-metadata" },
      }),
    ]);
    await waitFor("installed", () => cond(hr(), "Ready")?.status === "True", 20_000);
  }, 40_000);
  afterAll(async () => h?.stop());

  it("fails the upgrade with Helm's wording, stores no revision and keeps v1 deployed", async () => {
    patchSpec(h.store, R.helmreleases, NS, NS, (s) => (s.values = SEED_002));
    const failed = await waitFor(
      "refused",
      () => (cond(hr(), "Ready")?.reason === "UpgradeFailed" ? hr() : undefined),
      15_000,
    );
    expect(cond(failed, "Ready")?.message).toBe(
      "Helm upgrade failed for release seed/seed with chart airflow@1.18.0: values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n" +
        [
          "- at '/scheduler': validation failed",
          "  - at '/scheduler/podDisruptionBudget': additional properties 'minAvailable' not allowed",
          "  - at '/scheduler': additional properties 'extraEnv' not allowed",
          "- at '/webserver/podDisruptionBudget': additional properties 'minAvailable' not allowed",
          "- at '/extraEnv': got array, want null or string",
        ].join("\n"),
    );
    expect(cond(failed, "Released")?.reason).toBe("UpgradeFailed");
    expect(revisions()).toEqual(["sh.helm.release.v1.seed.v1"]);
    expect(h.store.get(R.secrets, NS, "sh.helm.release.v1.seed.v1")?.metadata.labels?.status).toBe("deployed");
    expect(failed.status.history).toHaveLength(1);
    expect(failed.status.history[0]).toMatchObject({ version: 1, status: "deployed" });
    expect(failed.status.upgradeFailures).toBeUndefined();
    expect(cond(failed, "Stalled")).toBeUndefined();
    // What runs is still the deployed revision (one scheduler, no PDB).
    expect(h.store.get(R.deployments, NS, `${NS}-scheduler`)?.spec.replicas).toBe(1);
    expect(h.store.list(R.pdbs, NS)).toHaveLength(0);
  });
});
