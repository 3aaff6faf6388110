// Custom resources are validated against the real CRDs (democluster/crds/) as kube-apiserver v1.32 does: the
// openAPIV3Schema through kube-openapi, then the CEL rules, refused with the apiserver's 422 Invalid Status.
// Expected messages follow apiextensions-apiserver pkg/apiserver/validation/validation.go
// (kubeOpenAPIResultToFieldErrors) and k8s.io/apimachinery pkg/util/validation/field/errors.go; two are copied from
// real clusters' answers quoted in fluxcd/flux2#5654 and fluxcd/kustomize-controller#1443.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import { api, createNamespace, obj, startTestCluster, type AnyJson, type Api } from "./helpers";
import { CASES } from "./crd-invalid-cases";
import { collection, valid, VALID } from "./crd-test-objects";

const NS = "flux-system";

let cluster: DemoCluster;
let call: Api;

beforeAll(async () => {
  cluster = await startTestCluster();
  call = api(cluster);
  await createNamespace(call, NS);
});
afterAll(async () => cluster.stop());

async function createFresh(o: AnyJson): Promise<AnyJson> {
  await call("DELETE", `${collection(o)}/${o.metadata.name}`);
  const res = await call("POST", collection(o), { body: o });
  expect(res.status, res.text).toBe(201);
  return obj(res.json);
}

// Defaults each CRD declares for the fields our valid objects leave out.
const DEFAULTS: Record<string, { spec: AnyJson; status?: AnyJson }> = {
  // source.toolkit.fluxcd.io_gitrepositories.yaml: spec.timeout default 60s; status default observedGeneration -1.
  GitRepository: { spec: { timeout: "60s" }, status: { observedGeneration: -1 } },
  HelmRepository: { spec: { provider: "generic" }, status: { observedGeneration: -1 } },
  OCIRepository: { spec: { provider: "generic", timeout: "60s" }, status: { observedGeneration: -1 } },
  HelmChart: { spec: { reconcileStrategy: "ChartVersion" }, status: { observedGeneration: -1 } },
  Kustomization: { spec: { force: false }, status: { observedGeneration: -1 } },
  // helm.toolkit.fluxcd.io_helmreleases.yaml: spec.chart.spec.reconcileStrategy default ChartVersion.
  HelmRelease: { spec: { chart: { spec: { reconcileStrategy: "ChartVersion" } } }, status: { observedGeneration: -1 } },
  SecretStore: { spec: {} },
  ClusterSecretStore: { spec: {} },
  // external-secrets.io_externalsecrets.yaml: spec.target.creationPolicy Owner, deletionPolicy Retain.
  ExternalSecret: { spec: { target: { creationPolicy: "Owner", deletionPolicy: "Retain" } } },
  ClusterExternalSecret: {
    spec: { externalSecretSpec: { target: { creationPolicy: "Owner", deletionPolicy: "Retain" } } },
  },
  // external-secrets.io_pushsecrets.yaml: deletionPolicy None, updatePolicy Replace, data[].conversionStrategy None.
  PushSecret: { spec: { deletionPolicy: "None", updatePolicy: "Replace", data: [{ conversionStrategy: "None" }] } },
};

function merged(base: unknown, extra: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(extra)) return base.map((b, i) => merged(b, extra[i]));
  if (base && extra && typeof base === "object" && typeof extra === "object") {
    const out: AnyJson = { ...(base as AnyJson) };
    for (const [k, v] of Object.entries(extra)) out[k] = k in out ? merged(out[k], v) : v;
    return out;
  }
  return extra === undefined ? base : extra;
}

describe("valid objects of every kind are accepted, defaulted and read back", () => {
  it.each(VALID.map((o) => [o.kind as string]))("%s", async (kind) => {
    const input = valid(kind);
    const created = await createFresh(input);
    const want = DEFAULTS[kind] as { spec: AnyJson; status?: AnyJson };
    expect(created.spec).toEqual(merged(input.spec, want.spec));
    expect(created.status).toEqual(want.status);
    const got = obj((await call("GET", `${collection(input)}/${input.metadata.name}`)).json);
    expect(got.spec).toEqual(created.spec);
  });
});

describe("invalid objects are refused with the apiserver's 422 Invalid Status", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const o = valid(c.kind);
    c.edit(o);
    await call("DELETE", `${collection(o)}/${o.metadata.name}`);
    const res = await call("POST", collection(o), { body: o });
    expect(res.status).toBe(422);
    const [group] = String(o.apiVersion).split("/");
    // Keys in the order kube-apiserver serializes metav1.Status.
    expect(Object.keys(obj(res.json))).toEqual([
      "kind",
      "apiVersion",
      "metadata",
      "status",
      "message",
      "reason",
      "details",
      "code",
    ]);
    expect(res.json).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: c.message,
      reason: "Invalid",
      details: { name: o.metadata.name, group, kind: c.kind, causes: c.causes },
      code: 422,
    });
    expect((await call("GET", `${collection(o)}/${o.metadata.name}`)).status).toBe(404);
  });
});
