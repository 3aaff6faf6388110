import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { airflowConfig, airflowReleaseJson, helmEncode, recordSecret } from "./fixtures/airflow-release";
import { decodeReleaseData, decodeReleaseSecret, HelmRecordError, MAX_RELEASE_BYTES } from "./release-record";

const api = (helmEncoded: string) => Buffer.from(helmEncoded, "utf8").toString("base64");

describe("decodeReleaseSecret: a record as the API returns it", () => {
  const record = decodeReleaseSecret(recordSecret(3));

  it("reads the release fields (helm/helm pkg/release json tags)", () => {
    expect(record).toMatchObject({
      name: "airflow",
      namespace: "airflow",
      version: 3,
      status: "deployed",
      description: "Upgrade complete",
      firstDeployed: "2026-11-02T09:14:05.118273645Z",
      lastDeployed: "2026-12-03T10:00:00.5Z",
      chart: { name: "airflow", version: "1.18.0", appVersion: "3.0.2" },
    });
    // Go's zero time means "not deleted".
    expect(record.deleted).toBeUndefined();
    expect(record.config).toEqual(airflowConfig());
  });

  it("parses the multi-document manifest, skipping comment-only documents, and keeps each # Source", () => {
    expect(record.manifestObjects.map((o) => `${String(o.kind)}/${String((o.metadata as { name: string }).name)}`)).toEqual([
      "ServiceAccount/airflow-scheduler",
      "Secret/airflow-api-secret-key",
      "Secret/airflow-metadata",
      "ConfigMap/airflow-config",
      "ConfigMap/airflow-api-server-config",
      "StatefulSet/airflow-scheduler",
      "PriorityClass/airflow-high",
    ]);
    expect(record.manifestSources).toEqual([
      "airflow/templates/scheduler/scheduler-serviceaccount.yaml",
      "airflow/templates/secrets/api-secret-key-secret.yaml",
      "airflow/templates/secrets/metadata-connection-secret.yaml",
      "airflow/templates/configmaps/configmap.yaml",
      "airflow/templates/configmaps/api-server-configmap.yaml",
      "airflow/templates/scheduler/scheduler-deployment.yaml",
      "airflow/templates/priorityclasses/priority-classes.yaml",
    ]);
    // YAML 1.2 core schema: `value: 100000` is a number, quoted strings stay strings.
    expect(record.manifestObjects[6].value).toBe(100000);
  });

  it("reads the hooks with their events, weights, delete policies, last run and object", () => {
    expect(record.hooks.map((h) => ({ name: h.name, kind: h.kind, events: h.events, weight: h.weight, policies: h.deletePolicies }))).toEqual([
      { name: "airflow-fernet-key", kind: "Secret", events: ["pre-install"], weight: 0, policies: ["before-hook-creation"] },
      { name: "airflow-airflow-variables", kind: "Secret", events: ["pre-install", "pre-upgrade"], weight: 0, policies: ["before-hook-creation"] },
      { name: "airflow-run-airflow-migrations", kind: "Job", events: ["post-install", "post-upgrade"], weight: 1, policies: ["before-hook-creation", "hook-succeeded"] },
      { name: "airflow-create-user", kind: "Job", events: ["post-install", "post-upgrade"], weight: 2, policies: ["before-hook-creation", "hook-succeeded"] },
    ]);
    expect(record.hooks[2].path).toBe("airflow/templates/jobs/migrate-database-job.yaml");
    expect(record.hooks[2].lastRun).toEqual({ phase: "Succeeded", startedAt: "2026-12-01T10:00:01.2Z", completedAt: "2026-12-01T10:00:09.9Z" });
    expect(record.hooks[2].object).toMatchObject({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "airflow-run-airflow-migrations" } });
  });

  it("keeps neither NOTES.txt (it prints the default user's password) nor the chart's values and files", () => {
    const text = JSON.stringify(record);
    expect(text).not.toContain("Login credentials");
    expect(text).not.toContain("The official Helm chart");
    expect(Object.keys(record.chart)).toEqual(["name", "version", "appVersion"]);
  });
});

describe("decodeReleaseData: encodings Helm accepts", () => {
  const json = airflowReleaseJson(2, "superseded");
  const cases: [string, string][] = [
    ["gzip (encodeRelease)", api(helmEncode(json))],
    ["not compressed (records from before compression; decodeRelease checks the gzip magic)", api(helmEncode(json, false))],
    ["gzip at default level", api(gzipSync(Buffer.from(JSON.stringify(json))).toString("base64"))],
  ];
  it.each(cases)("%s", (_name, data) => {
    const r = decodeReleaseData(data);
    expect(r).toMatchObject({ name: "airflow", version: 2, status: "superseded" });
    expect(r.manifestObjects).toHaveLength(7);
    expect(r.hooks).toHaveLength(4);
  });

  it("reads Helm v4's empty-string times and early Helm 3's capitalised Description", () => {
    const info = { first_deployed: "", last_deployed: "2026-12-01T10:00:00Z", deleted: "", Description: "Install complete", status: "deployed" };
    const r = decodeReleaseData(api(helmEncode({ ...json, info })));
    expect(r.firstDeployed).toBeUndefined();
    expect(r.deleted).toBeUndefined();
    expect(r.description).toBe("Install complete");
  });
});

describe("decodeReleaseData: garbage is refused with a clear error that never quotes the payload", () => {
  const leak = "LEAKED-VALUE-9q";
  const cases: [string, string, RegExp][] = [
    ["not base64 at the API layer", "%%%not-base64%%%", /data\.release is not base64/],
    ["not base64 at the Helm layer", api(`${leak}!!`), /Helm release payload is not base64/],
    ["gzip magic with a broken stream", api(Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4]).toString("base64")), /not valid gzip/],
    ["not JSON", api(helmEncode(`{"name": "${leak}"`)), /release payload is not JSON/],
    ["JSON that is not an object", api(helmEncode("[1,2]")), /not an object/],
    ["no name", api(helmEncode({ ...airflowReleaseJson(), name: "" })), /has no name/],
    ["version 0", api(helmEncode({ ...airflowReleaseJson(), version: 0 })), /no valid version/],
    ["config is a string", api(helmEncode({ ...airflowReleaseJson(), config: leak })), /config is not an object/],
    ["hooks is an object", api(helmEncode({ ...airflowReleaseJson(), hooks: {} })), /hooks is not a list/],
    [
      "manifest with an alias bomb",
      api(helmEncode({ ...airflowReleaseJson(), manifest: `---\na: &a [${leak},x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n` })),
      /manifest: document 1 could not be read \(too many YAML aliases\)/,
    ],
    ["manifest with broken YAML", api(helmEncode({ ...airflowReleaseJson(), manifest: `---\nkind: Secret\ndata: [${leak}\n  x: {` })), /manifest: document 1 is not valid YAML/],
  ];
  it.each(cases)("%s", (_name, data, message) => {
    let error: unknown;
    try {
      decodeReleaseData(data);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HelmRecordError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(leak);
  });

  it.each([
    ["not a Secret", { kind: "ConfigMap", data: {} }, /not a Secret/],
    ["another Secret type", { kind: "Secret", type: "Opaque", data: { release: "x" } }, /type is not helm\.sh\/release\.v1/],
    ["no data.release (a scrubbed cache object)", { kind: "Secret", type: "helm.sh/release.v1", dataKeys: ["release"] }, /no data\.release/],
  ])("%s", (_name, secret, message) => {
    expect(() => decodeReleaseSecret(secret)).toThrow(message);
  });
});

describe("decodeReleaseData: size bound", () => {
  it(`refuses a payload over ${MAX_RELEASE_BYTES} bytes once decompressed (a gzip bomb) without inflating it all`, () => {
    const bomb = gzipSync(Buffer.alloc(MAX_RELEASE_BYTES + 1024, 0x20), { level: 9 }).toString("base64");
    expect(bomb.length).toBeLessThan(200_000);
    expect(() => decodeReleaseData(api(bomb))).toThrow(/larger than 33554432 bytes once decompressed/);
  });

  it("refuses a data.release string larger than a Secret can hold before decoding it", () => {
    expect(() => decodeReleaseData("A".repeat(8 * 1024 * 1024 + 4))).toThrow(/data\.release is too large/);
  });
});
