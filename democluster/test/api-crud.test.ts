// HTTP verbs and error codes, part 1: create/get, update (PUT), patch, status subresource (delete and list: api-delete-list.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import {
  api,
  createHelmRelease,
  createNamespace,
  HR_PATH,
  helmRelease,
  obj,
  startTestCluster,
  type Api,
} from "./helpers";

let cluster: DemoCluster;
let call: Api;
const NS = "airflow";
const HRS = `${HR_PATH}/namespaces/${NS}/helmreleases`;

beforeAll(async () => {
  cluster = await startTestCluster();
  call = api(cluster);
  await createNamespace(call, NS);
  await createNamespace(call, "flux-system");
});
afterAll(async () => cluster.stop());

describe("create / get", () => {
  it("creates with 201, strips status, and gets it back", async () => {
    const body = { ...helmRelease(NS, "create-me"), status: { observedGeneration: 7 } };
    const res = await call("POST", HRS, { body });
    expect(res.status).toBe(201);
    const created = obj(res.json);
    expect(created.metadata.generation).toBe(1);
    // The client's status is dropped; what reads back is the CRD's default (helm.toolkit.fluxcd.io_helmreleases.yaml:
    // status.default {observedGeneration: -1}), as on a real cluster.
    expect(created.status).toEqual({ observedGeneration: -1 });
    const got = await call("GET", `${HRS}/create-me`);
    expect(got.status).toBe(200);
    expect(obj(got.json).metadata.uid).toBe(created.metadata.uid);
    expect(got.headers.get("content-type")).toBe("application/json");
  });

  it("409 AlreadyExists with a metav1.Status body", async () => {
    await createHelmRelease(call, NS, "dup");
    const res = await call("POST", HRS, { body: helmRelease(NS, "dup") });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({
      kind: "Status",
      apiVersion: "v1",
      status: "Failure",
      reason: "AlreadyExists",
      code: 409,
      message: 'helmreleases.helm.toolkit.fluxcd.io "dup" already exists',
      details: { name: "dup", group: "helm.toolkit.fluxcd.io", kind: "helmreleases" },
    });
  });

  it("404 NotFound for a missing object, an unknown resource, and a missing namespace", async () => {
    const missing = await call("GET", `${HRS}/nope`);
    expect(missing.status).toBe(404);
    expect(obj(missing.json).reason).toBe("NotFound");
    expect(obj(missing.json).message).toBe('helmreleases.helm.toolkit.fluxcd.io "nope" not found');
    expect((await call("GET", "/apis/helm.toolkit.fluxcd.io/v2beta1/helmreleases")).status).toBe(404);
    expect((await call("GET", "/api/v1/widgets")).status).toBe(404);
    const noNs = await call("POST", `${HR_PATH}/namespaces/ghost/helmreleases`, { body: helmRelease("ghost", "x") });
    expect(noNs.status).toBe(404);
    expect(obj(noNs.json).message).toBe('namespaces "ghost" not found');
  });

  it("422 Invalid when the name is missing, 400 for a kind mismatch or bad JSON", async () => {
    const noName = await call("POST", HRS, { body: { ...helmRelease(NS, ""), metadata: { namespace: NS } } });
    expect(noName.status).toBe(422);
    expect(obj(noName.json).reason).toBe("Invalid");
    const wrongKind = await call("POST", HRS, { body: { ...helmRelease(NS, "k"), kind: "Kustomization" } });
    expect(wrongKind.status).toBe(400);
    const badJson = await call("POST", HRS, { body: "{not json" });
    expect(badJson.status).toBe(400);
    expect(obj(badJson.json).reason).toBe("BadRequest");
  });

  it("413 for bodies over the cap", async () => {
    const small = await startTestCluster({ bodyLimit: 1024 });
    try {
      const c = api(small);
      const res = await c("POST", "/api/v1/namespaces", {
        body: { metadata: { name: "big", annotations: { a: "x".repeat(4096) } } },
      });
      expect(res.status).toBe(413);
      expect(obj(res.json).reason).toBe("RequestEntityTooLarge");
    } finally {
      await small.stop();
    }
  });

  it("405 for verbs a resource does not serve (CRDs are read-only)", async () => {
    const res = await call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
      body: { metadata: { name: "x" } },
    });
    expect(res.status).toBe(405);
    const crd = await call(
      "GET",
      "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/helmreleases.helm.toolkit.fluxcd.io",
    );
    expect(crd.status).toBe(200);
    expect(obj(crd.json).spec.names.shortNames).toEqual(["hr"]);
  });
});

describe("update (PUT)", () => {
  it("updates with the current resourceVersion and 409 Conflict on a stale one", async () => {
    const created = await createHelmRelease(call, NS, "put-me");
    const next = { ...created, spec: { ...obj(created).spec, suspend: true } };
    const ok = await call("PUT", `${HRS}/put-me`, { body: next });
    expect(ok.status).toBe(200);
    expect(obj(ok.json).metadata.generation).toBe(2);
    const stale = await call("PUT", `${HRS}/put-me`, { body: next });
    expect(stale.status).toBe(409);
    expect(obj(stale.json).reason).toBe("Conflict");
    expect(obj(stale.json).message).toContain("the object has been modified");
  });

  it("422 when the body name does not match the URL", async () => {
    const created = await createHelmRelease(call, NS, "named");
    const res = await call("PUT", `${HRS}/named`, {
      body: { ...created, metadata: { ...obj(created).metadata, name: "other" } },
    });
    expect(res.status).toBe(422);
  });

  it("status subresource: PUT /status changes only status, main PUT ignores status", async () => {
    const created = obj(await createHelmRelease(call, NS, "st"));
    const statusBody = {
      ...created,
      spec: { interval: "99m" },
      status: { observedGeneration: 1, lastHandledReconcileAt: "t" },
    };
    const st = await call("PUT", `${HRS}/st/status`, { body: statusBody });
    expect(st.status).toBe(200);
    expect(obj(st.json).status.lastHandledReconcileAt).toBe("t");
    expect(obj(st.json).spec.interval).toBe("5m");
    const main = obj(st.json);
    const res = await call("PUT", `${HRS}/st`, { body: { ...main, status: { observedGeneration: 42 } } });
    expect(obj(res.json).status.observedGeneration).toBe(1);
    const getStatus = await call("GET", `${HRS}/st/status`);
    expect(obj(getStatus.json).status.lastHandledReconcileAt).toBe("t");
    expect((await call("GET", "/api/v1/namespaces/airflow/configmaps/x/status")).status).toBe(404);
  });
});

describe("patch", () => {
  it("merge patch sets and deletes (null) and records the fieldManager", async () => {
    await createHelmRelease(call, NS, "mp", { metadata: { labels: { a: "1", b: "2" } } });
    const res = await call("PATCH", `${HRS}/mp?fieldManager=fluxtower`, {
      body: { metadata: { labels: { b: null }, annotations: { "reconcile.fluxcd.io/requestedAt": "t1" } } },
      contentType: "application/merge-patch+json",
    });
    expect(res.status).toBe(200);
    const o = obj(res.json);
    expect(o.metadata.labels).toEqual({ a: "1" });
    expect(o.metadata.generation).toBe(1);
    const mf = (o.metadata.managedFields as { manager: string; fieldsV1: unknown }[]).find(
      (m) => m.manager === "fluxtower",
    );
    expect(mf?.fieldsV1).toEqual({ "f:metadata": { "f:annotations": { "f:reconcile.fluxcd.io/requestedAt": {} } } });
  });

  it("derives the field manager from the User-Agent when the param is absent", async () => {
    await createHelmRelease(call, NS, "ua");
    const res = await call("PATCH", `${HRS}/ua`, {
      body: { spec: { suspend: true } },
      contentType: "application/merge-patch+json",
      headers: { "User-Agent": "flux/v2.4.0 (linux/amd64)" },
    });
    const managers = (obj(res.json).metadata.managedFields as { manager: string }[]).map((m) => m.manager);
    expect(managers).toContain("flux");
    expect(obj(res.json).metadata.generation).toBe(2);
  });

  it("JSON patch add/replace/remove/test/move/copy, and 422 when a test fails", async () => {
    await createHelmRelease(call, NS, "jp");
    const ops = [
      { op: "test", path: "/spec/interval", value: "5m" },
      { op: "replace", path: "/spec/interval", value: "1m" },
      { op: "add", path: "/metadata/labels", value: { "a/b": "c" } },
      { op: "copy", from: "/spec/interval", path: "/spec/timeout" },
      { op: "add", path: "/spec/install", value: {} },
      { op: "move", from: "/spec/timeout", path: "/spec/install/timeout" },
      { op: "remove", path: "/metadata/labels/a~1b" },
    ];
    const res = await call("PATCH", `${HRS}/jp`, { body: ops, contentType: "application/json-patch+json" });
    expect(res.status).toBe(200);
    const o = obj(res.json);
    expect(o.spec.interval).toBe("1m");
    expect(o.spec.install.timeout).toBe("1m");
    expect(o.spec.timeout).toBeUndefined();
    expect(o.metadata.labels).toEqual({});
    const failed = await call("PATCH", `${HRS}/jp`, {
      body: [{ op: "test", path: "/spec/interval", value: "nope" }],
      contentType: "application/json-patch+json",
    });
    expect(failed.status).toBe(422);
  });

  it("strategic merge patch merges containers by name", async () => {
    const dep = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: NS },
      spec: {
        replicas: 1,
        template: {
          metadata: { labels: { app: "web" } },
          spec: {
            containers: [
              { name: "a", image: "a:1" },
              { name: "b", image: "b:1" },
            ],
          },
        },
      },
    };
    expect((await call("POST", `/apis/apps/v1/namespaces/${NS}/deployments`, { body: dep })).status).toBe(201);
    const patch = {
      spec: {
        template: {
          metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "now" } },
          spec: { containers: [{ name: "b", image: "b:2" }] },
        },
      },
    };
    const res = await call("PATCH", `/apis/apps/v1/namespaces/${NS}/deployments/web`, {
      body: patch,
      contentType: "application/strategic-merge-patch+json",
    });
    expect(res.status).toBe(200);
    const o = obj(res.json);
    expect(o.spec.template.spec.containers).toEqual([
      { name: "a", image: "a:1" },
      { name: "b", image: "b:2" },
    ]);
    expect(o.spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]).toBe("now");
    expect(o.metadata.generation).toBe(2);
  });

  it("415 for unsupported patch types, 409 for a stale resourceVersion in a merge patch, 404 when missing", async () => {
    await createHelmRelease(call, NS, "pt");
    const apply = await call("PATCH", `${HRS}/pt`, { body: "{}", contentType: "application/apply-patch+yaml" });
    expect(apply.status).toBe(415);
    expect(obj(apply.json).reason).toBe("UnsupportedMediaType");
    const plain = await call("PATCH", `${HRS}/pt`, { body: "{}", contentType: "text/plain" });
    expect(plain.status).toBe(415);
    const stale = await call("PATCH", `${HRS}/pt`, {
      body: { metadata: { resourceVersion: "1" }, spec: { suspend: true } },
      contentType: "application/merge-patch+json",
    });
    expect(stale.status).toBe(409);
    const missing = await call("PATCH", `${HRS}/ghost`, { body: {}, contentType: "application/merge-patch+json" });
    expect(missing.status).toBe(404);
  });

  it("status patch touches only status", async () => {
    await createHelmRelease(call, NS, "sp");
    const res = await call("PATCH", `${HRS}/sp/status`, {
      body: {
        spec: { interval: "1s" },
        status: {
          conditions: [
            {
              type: "Ready",
              status: "True",
              reason: "InstallSucceeded",
              message: "Helm install succeeded for release airflow/sp.v1 with chart airflow@1.18.0",
              lastTransitionTime: "2024-05-01T10:00:00Z",
            },
          ],
        },
      },
      contentType: "application/merge-patch+json",
    });
    expect(res.status).toBe(200);
    expect(obj(res.json).spec.interval).toBe("5m");
    expect(obj(res.json).status.conditions[0].type).toBe("Ready");
  });

  it("dryRun=All computes the result without storing it", async () => {
    await createHelmRelease(call, NS, "dry");
    const res = await call("PATCH", `${HRS}/dry?dryRun=All`, {
      body: { spec: { suspend: true } },
      contentType: "application/merge-patch+json",
    });
    expect(obj(res.json).spec.suspend).toBe(true);
    expect(obj((await call("GET", `${HRS}/dry`)).json).spec.suspend).toBeUndefined();
  });
});
