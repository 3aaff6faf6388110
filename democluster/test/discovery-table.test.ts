// Discovery documents and meta.k8s.io/v1 Table output (printer columns, tiny JSONPath, human durations).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import { evaluateJsonPath } from "../server/jsonpath";
import { humanDuration } from "../server/human-duration";
import { api, createHelmRelease, createNamespace, HR_PATH, obj, startTestCluster, type Api } from "./helpers";

let cluster: DemoCluster;
let call: Api;
const TABLE =
  "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

beforeAll(async () => {
  cluster = await startTestCluster();
  call = api(cluster);
  await createNamespace(call, "airflow");
  await createHelmRelease(call, "airflow", "airflow");
  await call("PATCH", `${HR_PATH}/namespaces/airflow/helmreleases/airflow/status`, {
    body: {
      status: {
        // metav1.Conditions as helm-controller writes them: the CRD requires type, status, reason, message and
        // lastTransitionTime (helm.toolkit.fluxcd.io_helmreleases.yaml status.conditions.items.required).
        conditions: [
          {
            type: "Reconciling",
            status: "False",
            reason: "InstallSucceeded",
            message: "x",
            lastTransitionTime: "2024-05-01T10:00:00Z",
          },
          {
            type: "Ready",
            status: "True",
            reason: "InstallSucceeded",
            message: "Helm install succeeded",
            lastTransitionTime: "2024-05-01T10:00:00Z",
          },
        ],
      },
    },
    contentType: "application/merge-patch+json",
  });
});
afterAll(async () => cluster.stop());

describe("discovery", () => {
  it("/version, /api and /apis", async () => {
    expect(obj((await call("GET", "/version")).json)).toMatchObject({ major: "1", minor: "32" });
    expect(obj((await call("GET", "/api")).json)).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
    const groups = obj((await call("GET", "/apis")).json);
    expect(groups.kind).toBe("APIGroupList");
    const names = groups.groups.map((g: { name: string }) => g.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "apps",
        "batch",
        "policy",
        "source.toolkit.fluxcd.io",
        "kustomize.toolkit.fluxcd.io",
        "helm.toolkit.fluxcd.io",
        "external-secrets.io",
        "authorization.k8s.io",
        "apiextensions.k8s.io",
      ]),
    );
    const helm = groups.groups.find((g: { name: string }) => g.name === "helm.toolkit.fluxcd.io");
    expect(helm.preferredVersion).toEqual({ groupVersion: "helm.toolkit.fluxcd.io/v2", version: "v2" });
    expect(obj((await call("GET", "/apis/helm.toolkit.fluxcd.io")).json).kind).toBe("APIGroup");
  });

  it("answers aggregated-discovery requests with the legacy format as application/json", async () => {
    const res = await call("GET", "/apis", {
      headers: { Accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json" },
    });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(obj(res.json).kind).toBe("APIGroupList");
  });

  it("/api/v1 lists core resources with subresources", async () => {
    const list = obj((await call("GET", "/api/v1")).json);
    const byName = new Map(list.resources.map((r: { name: string }) => [r.name, r]));
    expect(byName.get("pods")).toMatchObject({
      kind: "Pod",
      namespaced: true,
      shortNames: ["po"],
      singularName: "pod",
    });
    expect(byName.get("pods/log")).toMatchObject({ kind: "Pod", verbs: ["get"] });
    expect(byName.get("pods/status")).toMatchObject({ verbs: ["get", "patch", "update"] });
    expect(byName.get("namespaces")).toMatchObject({ namespaced: false });
    expect(byName.has("secrets/status")).toBe(false);
  });

  it("/apis/{group}/{version} lists the group's kinds, 404 for unknown versions", async () => {
    const list = obj((await call("GET", "/apis/helm.toolkit.fluxcd.io/v2")).json);
    expect(list.groupVersion).toBe("helm.toolkit.fluxcd.io/v2");
    expect(list.resources[0]).toMatchObject({
      name: "helmreleases",
      kind: "HelmRelease",
      shortNames: ["hr"],
      categories: ["all", "fluxcd", "fluxcd-appliers"],
    });
    const authz = obj((await call("GET", "/apis/authorization.k8s.io/v1")).json);
    expect(authz.resources.map((r: { name: string; verbs: string[] }) => `${r.name}:${r.verbs.join(",")}`)).toEqual([
      "selfsubjectaccessreviews:create",
      "subjectaccessreviews:create",
    ]);
    expect((await call("GET", "/apis/helm.toolkit.fluxcd.io/v2beta2")).status).toBe(404);
    expect((await call("GET", "/openapi/v2")).status).toBe(404);
  });
});

describe("Table output", () => {
  it("uses the CRD printer columns for helmreleases", async () => {
    const res = await call("GET", `${HR_PATH}/helmreleases`, { headers: { Accept: TABLE } });
    const table = obj(res.json);
    expect(table).toMatchObject({ kind: "Table", apiVersion: "meta.k8s.io/v1" });
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Age", "Ready", "Status"]);
    expect(table.rows).toHaveLength(1);
    const [name, age, ready, status] = table.rows[0].cells;
    expect([name, ready, status]).toEqual(["airflow", "True", "Helm install succeeded"]);
    expect(age).toMatch(/^\d+s$/);
    expect(table.rows[0].object).toMatchObject({
      kind: "PartialObjectMetadata",
      metadata: { name: "airflow", namespace: "airflow" },
    });
  });

  it("computes built-in columns for pods", async () => {
    await call("POST", "/api/v1/namespaces/airflow/pods", {
      body: { metadata: { name: "p" }, spec: { containers: [{ name: "a" }, { name: "b" }] } },
    });
    await call("PATCH", "/api/v1/namespaces/airflow/pods/p/status", {
      body: {
        status: {
          phase: "Running",
          containerStatuses: [
            { name: "a", ready: true, restartCount: 0, state: { running: {} } },
            { name: "b", ready: false, restartCount: 4, state: { waiting: { reason: "CrashLoopBackOff" } } },
          ],
        },
      },
      contentType: "application/merge-patch+json",
    });
    const table = obj((await call("GET", "/api/v1/namespaces/airflow/pods/p", { headers: { Accept: TABLE } })).json);
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      "Name",
      "Ready",
      "Status",
      "Restarts",
      "Age",
      "IP",
      "Node",
    ]);
    expect(table.rows[0].cells.slice(0, 4)).toEqual(["p", "1/2", "CrashLoopBackOff", 4]);
  });

  it("sends Table watch events when asked", async () => {
    const res = await fetch(`${cluster.url}${HR_PATH}/namespaces/airflow/helmreleases?watch=1&timeoutSeconds=1`, {
      headers: { Authorization: `Bearer ${cluster.tokens.admin}`, Accept: TABLE },
    });
    const first = JSON.parse((await res.text()).split("\n")[0] as string);
    expect(first.type).toBe("ADDED");
    expect(first.object.kind).toBe("Table");
    expect(first.object.rows[0].cells[0]).toBe("airflow");
  });
});

describe("jsonpath and durations", () => {
  const doc = {
    status: {
      conditions: [
        { type: "Ready", status: "False" },
        { type: "Stalled", status: "True" },
      ],
    },
    metadata: { labels: { "a.b/c": "x" } },
    spec: { list: [1, 2] },
  };
  it.each([
    ['.status.conditions[?(@.type=="Ready")].status', ["False"]],
    [".status.conditions[?(@.type!='Ready')].type", ["Stalled"]],
    [".status.conditions[*].type", ["Ready", "Stalled"]],
    [".status.conditions[1].status", ["True"]],
    [".metadata.labels['a.b/c']", ["x"]],
    [".spec.list", [[1, 2]]],
    [".spec.missing", []],
  ])("%s", (expr, expected) => {
    expect(evaluateJsonPath(doc, expr)).toEqual(expected);
  });

  it.each([
    [5_000, "5s"],
    [119_000, "119s"],
    [270_000, "4m30s"],
    [600_000, "10m"],
    [3 * 3600_000 + 5 * 60_000, "3h5m"],
    [30 * 3600_000, "30h"],
    [3 * 86400_000 + 2 * 3600_000, "3d2h"],
    [400 * 86400_000, "400d"],
  ])("humanDuration(%i) = %s", (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});
