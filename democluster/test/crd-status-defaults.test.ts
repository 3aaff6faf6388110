// The status subresource is validated against the CRD's status schema (a 422 names the field under `status.` with
// the message relative to status, as the apiserver's status validator reports it); defaults are applied on create,
// update and status writes; unknown fields are pruned except under x-kubernetes-preserve-unknown-fields.
// Sources: apiextensions-apiserver pkg/registry/customresource/validator.go ValidateStatusUpdate,
// pkg/apiserver/schema/pruning/algorithm.go, pkg/apiserver/schema/defaulting/{algorithm,prunenulls}.go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import { api, createNamespace, obj, startTestCluster, type AnyJson, type Api } from "./helpers";
import { collection, valid } from "./crd-test-objects";
import { NOT_CHECKED } from "./crd-invalid-cases";

let cluster: DemoCluster;
let call: Api;

beforeAll(async () => {
  cluster = await startTestCluster();
  call = api(cluster);
  await createNamespace(call, "flux-system");
});
afterAll(async () => cluster.stop());

async function fresh(o: AnyJson): Promise<AnyJson> {
  await call("DELETE", `${collection(o)}/${o.metadata.name}`);
  const res = await call("POST", collection(o), { body: o });
  expect(res.status, res.text).toBe(201);
  return obj(res.json);
}

// A metav1.Condition as helm-controller writes it.
const READY = {
  type: "Ready",
  status: "True",
  observedGeneration: 1,
  lastTransitionTime: "2024-05-01T10:00:00Z",
  reason: "InstallSucceeded",
  message: "Helm install succeeded for release flux-system/podinfo.v1 with chart podinfo@6.5.4",
};

const STATUS_CASES: {
  name: string;
  condition: AnyJson;
  errors: { reason: string; field: string; message: string }[];
}[] = [
  {
    name: "a condition without lastTransitionTime",
    condition: { ...READY, lastTransitionTime: undefined },
    errors: [
      { reason: "FieldValueRequired", field: "status.conditions[0].lastTransitionTime", message: "Required value" },
    ],
  },
  {
    name: "a condition status outside its enum",
    condition: { ...READY, status: "Maybe" },
    errors: [
      {
        reason: "FieldValueNotSupported",
        field: "status.conditions[0].status",
        message: 'Unsupported value: "Maybe": supported values: "True", "False", "Unknown"',
      },
    ],
  },
  {
    name: "a lastTransitionTime that is not a date-time (format)",
    condition: { ...READY, lastTransitionTime: "yesterday" },
    errors: [
      {
        reason: "FieldValueTypeInvalid",
        field: "status.conditions[0].lastTransitionTime",
        message:
          'Invalid value: "yesterday": conditions[0].lastTransitionTime in body must be of type date-time: "yesterday"',
      },
    ],
  },
  {
    name: "a reason with a space (pattern; not blocking, so the CEL rules ran)",
    condition: { ...READY, reason: "Install Succeeded" },
    errors: [
      {
        reason: "FieldValueInvalid",
        field: "status.conditions[0].reason",
        message:
          "Invalid value: \"Install Succeeded\": conditions[0].reason in body should match '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$'",
      },
    ],
  },
];

describe("status subresource", () => {
  it.each(STATUS_CASES.map((c) => [c.name, c] as const))("refuses %s with 422", async (_name, c) => {
    const hr = await fresh(valid("HelmRelease"));
    const url = `${collection(hr)}/${hr.metadata.name}/status`;
    const res = await call("PUT", url, { body: { ...hr, status: { conditions: [c.condition] } } });
    expect(res.status).toBe(422);
    const blocking = c.errors.some((e) => e.reason !== "FieldValueInvalid");
    const causes = [
      ...c.errors,
      ...(blocking ? [{ reason: "FieldValueInvalid", field: "<nil>", message: NOT_CHECKED.slice(7) }] : []),
    ];
    expect(obj(res.json).details).toEqual({
      name: "podinfo",
      group: "helm.toolkit.fluxcd.io",
      kind: "HelmRelease",
      causes,
    });
    const texts = causes.map((e) => `${e.field}: ${e.message}`);
    const list = texts.length === 1 ? texts[0] : `[${texts.join(", ")}]`;
    expect(obj(res.json).message).toBe(`HelmRelease.helm.toolkit.fluxcd.io "podinfo" is invalid: ${list}`);
    const stored = obj((await call("GET", `${collection(hr)}/${hr.metadata.name}`)).json);
    expect(stored.status).toEqual({ observedGeneration: -1 });
  });

  it("accepts a valid status, prunes unknown status fields and validates merge patches too", async () => {
    const hr = await fresh(valid("HelmRelease"));
    const url = `${collection(hr)}/${hr.metadata.name}/status`;
    const res = await call("PUT", url, {
      body: { ...hr, status: { observedGeneration: 1, conditions: [READY], lastAppliedBy: "fluxtower" } },
    });
    expect(res.status, res.text).toBe(200);
    expect(obj(res.json).status).toEqual({ observedGeneration: 1, conditions: [READY] });
    const patched = await call("PATCH", url, {
      body: { status: { observedGeneration: "2" } },
      contentType: "application/merge-patch+json",
    });
    expect(patched.status).toBe(422);
    expect(obj(patched.json).details.causes[0]).toEqual({
      reason: "FieldValueTypeInvalid",
      field: "status.observedGeneration",
      message: 'Invalid value: "string": observedGeneration in body must be of type integer: "string"',
    });
  });

  it("keeps null in a nullable status field (ExternalSecret status.refreshTime)", async () => {
    const es = await fresh(valid("ExternalSecret"));
    const res = await call("PUT", `${collection(es)}/${es.metadata.name}/status`, {
      body: { ...es, status: { refreshTime: null, syncedResourceVersion: "1-abc" } },
    });
    expect(res.status, res.text).toBe(200);
    expect(obj(res.json).status).toEqual({ refreshTime: null, syncedResourceVersion: "1-abc" });
  });
});

describe("defaulting and pruning", () => {
  it("prunes unknown fields of spec, metadata and the root but keeps preserve-unknown-fields values", async () => {
    const hr = valid("HelmRelease");
    hr.spec.chartVersion = "6.5.4"; // not a HelmRelease field
    hr.spec.chart.spec.valuesFile = "values.yaml"; // misspelt valuesFiles
    hr.spec.values.podinfo = { anything: { goes: [1, { deep: true }] } };
    hr.metadata.owner = "team-a"; // not an ObjectMeta field
    hr.extra = "dropped";
    const created = await fresh(hr);
    expect(created.spec.chartVersion).toBeUndefined();
    expect(created.spec.chart.spec.valuesFile).toBeUndefined();
    expect(created.spec.values).toEqual({
      replicaCount: 2,
      ingress: { enabled: true, hosts: [{ host: "podinfo.example.com" }] },
      podinfo: { anything: { goes: [1, { deep: true }] } },
    });
    expect(created.metadata.owner).toBeUndefined();
    expect(created.extra).toBeUndefined();
    expect(created.metadata.name).toBe("podinfo");
  });

  it("keeps provider-specific metadata in PushSecret data (x-kubernetes-preserve-unknown-fields)", async () => {
    const ps = valid("PushSecret");
    ps.spec.data[0].metadata = { apiVersion: "kubernetes.external-secrets.io/v1alpha1", kind: "PushSecretMetadata" };
    const created = await fresh(ps);
    expect(created.spec.data[0].metadata).toEqual(ps.spec.data[0].metadata);
  });

  it("replaces null by the default, drops null without one, and defaults on update", async () => {
    const hr = valid("HelmRelease");
    hr.spec.chart.spec.version = null; // default "*"
    hr.spec.releaseName = null; // no default, not nullable
    const created = await fresh(hr);
    expect(created.spec.chart.spec.version).toBe("*");
    expect("releaseName" in created.spec).toBe(false);
    const put = structuredClone(created);
    delete put.spec.chart.spec.reconcileStrategy;
    put.spec.uninstall = { keepHistory: true };
    const res = await call("PUT", `${collection(hr)}/${hr.metadata.name}`, { body: put });
    expect(res.status, res.text).toBe(200);
    expect(obj(res.json).spec.chart.spec.reconcileStrategy).toBe("ChartVersion");
    // helm.toolkit.fluxcd.io_helmreleases.yaml: spec.uninstall.deletionPropagation default background.
    expect(obj(res.json).spec.uninstall).toEqual({ keepHistory: true, deletionPropagation: "background" });
  });

  it("refuses an invalid update and keeps the stored object", async () => {
    const created = await fresh(valid("Kustomization"));
    const url = `${collection(created)}/${created.metadata.name}`;
    const res = await call("PUT", url, { body: { ...created, spec: { ...created.spec, prune: "yes" } } });
    expect(res.status).toBe(422);
    expect(obj(res.json).details.causes[0]).toEqual({
      reason: "FieldValueTypeInvalid",
      field: "spec.prune",
      message: 'Invalid value: "string": spec.prune in body must be of type boolean: "string"',
    });
    const patched = await call("PATCH", url, {
      body: { spec: { sourceRef: { kind: "HelmRepository" } } },
      contentType: "application/merge-patch+json",
    });
    expect(patched.status).toBe(422);
    expect(obj(patched.json).details.causes[0]).toMatchObject({
      reason: "FieldValueNotSupported",
      field: "spec.sourceRef.kind",
    });
    const stored = obj((await call("GET", url)).json);
    expect(stored.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });
});
