// schema-paths.json is derived from charts/airflow/<version>/values.schema.json; this keeps it in step.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import data from "./schema-paths.json";
import { knownBySchema, normalisePath, schemaValuePaths } from "./schema-paths";
import { CHARTS_ABSENT_MESSAGE, CHARTS_DIR, CHARTS_PRESENT, VERSION_DIR } from "./test-support";
import { CHART_LINES } from "./versions";

describe("schemaValuePaths", () => {
  it("lists declared properties, marks free-form nodes with .* and follows non-Kubernetes $refs", () => {
    const schema = {
      type: "object",
      definitions: { retention: { type: "object", properties: { whenDeleted: { type: "string" } } } },
      properties: {
        config: { type: "object", additionalProperties: { type: "object" } },
        env: { type: "array", items: { type: "object" } },
        affinity: { $ref: "#/definitions/io.k8s.api.core.v1.Affinity" },
        retention: { $ref: "#/definitions/retention" },
        pdb: { type: "object", additionalProperties: true, properties: { enabled: { type: "boolean" } } },
        data: { type: "object", additionalProperties: false, properties: { metadataSecretName: { type: ["string", "null"] } } },
      },
    };
    expect(schemaValuePaths(schema)).toEqual([
      "affinity.*",
      "config.*",
      "data",
      "data.metadataSecretName",
      "env.*",
      "pdb.*",
      "pdb.enabled",
      "retention",
      "retention.whenDeleted",
    ]);
  });

  it.skipIf(!CHARTS_PRESENT)(CHARTS_PRESENT ? "schema-paths.json equals what the real schemas give" : CHARTS_ABSENT_MESSAGE, () => {
    for (const line of CHART_LINES) {
      const file = path.join(CHARTS_DIR, VERSION_DIR[line], "values.schema.json");
      const fresh = schemaValuePaths(JSON.parse(fs.readFileSync(file, "utf8")));
      const committed = [...data.common, ...data.lines[line]].sort();
      expect({ line, paths: committed }).toEqual({ line, paths: fresh });
    }
  });
});

describe("knownBySchema", () => {
  it.each([
    ["1.16", "jwtSecretName", false],
    ["1.17", "jwtSecretName", true],
    ["1.18", "config.core.dags_folder", true],
    ["1.18", "env[3].value", true],
    ["1.18", "scheduler.notAKey", false],
    ["1.18", "apiServer", true],
  ] as const)("%s %s → %s", (line, p, known) => expect(knownBySchema(line, p)).toBe(known));

  it("drops array indices", () => {
    expect(normalisePath("workers.celery.sets[1].name")).toBe("workers.celery.sets.name");
    expect(normalisePath("env.0.name")).toBe("env.name");
  });
});
