import { describe, expect, it } from "vitest";
import { NOW } from "../health/fixtures/clock";
import { buildGraph, type EdgeType, type Graph } from "./index";
import { incidentCluster, incidentClusterWithWorkloads } from "./fixtures/cluster";

function hasEdge(g: Graph, from: string, to: string, type: EdgeType): boolean {
  return g.edges.some((e) => e.from === from && e.to === to && e.type === type);
}

describe("buildGraph: edges on the incident cluster", () => {
  const g = buildGraph(incidentCluster(), { now: NOW });

  it.each<[string, string, EdgeType]>([
    ["kustomizations/flux-system/flux-system", "gitrepositories/flux-system/flux-system", "source"],
    ["kustomizations/flux-system/flux-system", "kustomizations/flux-system/apps", "applies"],
    ["kustomizations/flux-system/apps", "helmreleases/airflow/airflow", "applies"],
    ["kustomizations/flux-system/apps", "externalsecrets/airflow/airflow-metadata", "applies"],
    ["kustomizations/flux-system/apps", "helmreleases/apps/podinfo", "applies"],
    ["gitrepositories/flux-system/flux-system", "secrets/flux-system/flux-system", "uses-secret"],
    ["helmreleases/airflow/airflow", "helmcharts/flux-system/airflow-airflow", "source"],
    ["helmcharts/flux-system/airflow-airflow", "helmrepositories/flux-system/apache-airflow", "source"],
    ["helmreleases/airflow/airflow", "secrets/airflow/airflow-metadata", "values-secret"],
    ["helmreleases/airflow/airflow", "secrets/airflow/airflow-fernet-key", "values-secret"],
    ["helmreleases/airflow/airflow", "secrets/airflow/airflow-api-secret-key", "values-secret"],
    ["helmreleases/airflow/airflow", "secrets/airflow/airflow-git-ssh", "values-secret"],
    ["secrets/airflow/airflow-metadata", "externalsecrets/airflow/airflow-metadata", "synced-by"],
    ["secrets/airflow/airflow-fernet-key", "externalsecrets/airflow/airflow-fernet-key", "synced-by"],
    ["externalsecrets/airflow/airflow-metadata", "clustersecretstores/_/onepassword", "store"],
    ["clustersecretstores/_/onepassword", "secrets/external-secrets/onepassword-connect-token", "uses-secret"],
    ["kustomizations/flux-system/airflow", "kustomizations/flux-system/infra-controllers", "dependsOn"],
    ["kustomizations/flux-system/infra-controllers", "deployments/cert-manager/cert-manager", "applies"],
    ["deployments/cert-manager/cert-manager", "pods/cert-manager/cert-manager-7d4b9c8f6-q2w3e", "owns"],
    ["kustomizations/airflow/airflow-dags", "gitrepositories/airflow/flux-system", "source"],
    ["kustomizations/flux-system/platform-apps", "gitrepositories/flux-system/platform", "source"],
    ["gitrepositories/flux-system/platform", "secrets/flux-system/platform-https", "uses-secret"],
    ["helmreleases/apps/podinfo", "ocirepositories/flux-system/podinfo", "source"],
    ["helmreleases/apps/podinfo", "configmaps/apps/podinfo-values", "values-from"],
    ["helmreleases/apps/podinfo", "secrets/apps/podinfo-auth", "values-from"],
    ["externalsecrets/data-platform/nessie-postgres", "secretstores/data-platform/vault-backend", "store"],
    ["secretstores/data-platform/vault-backend", "secrets/data-platform/vault-token", "uses-secret"],
    ["secrets/data-platform/nessie-postgres", "externalsecrets/data-platform/nessie-postgres", "synced-by"],
  ])("%s → %s (%s)", (from, to, type) => {
    expect(hasEdge(g, from, to, type)).toBe(true);
  });

  it("marks referenced-but-absent objects as missing, with a NotFound verdict", () => {
    const missing = g.nodes
      .filter((n) => n.missing)
      .map((n) => n.id)
      .sort();
    expect(missing).toEqual([
      "gitrepositories/airflow/flux-system",
      "secrets/airflow/airflow-metadata",
      "secrets/data-platform/nessie-postgres",
      "secrets/data-platform/vault-token",
    ]);
    const secret = g.nodes.find((n) => n.id === "secrets/airflow/airflow-metadata");
    expect(secret).toMatchObject({
      kind: "Secret",
      namespace: "airflow",
      name: "airflow-metadata",
      resource: "secrets",
      verdict: { status: "Degraded", reason: "NotFound", message: "Secret airflow/airflow-metadata not found" },
    });
  });

  it("gives every present object a verdict; Secrets take their ExternalSecret's health", () => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    expect(byId.get("helmreleases/airflow/airflow")?.verdict).toMatchObject({
      status: "Degraded",
      reason: "RetriesExceeded",
      offerReset: true,
    });
    expect(byId.get("secrets/airflow/airflow-fernet-key")?.verdict).toMatchObject({
      status: "Healthy",
      reason: "SecretSynced",
    });
    expect(byId.get("helmrepositories/flux-system/bitnami")?.verdict.message).toBe("Helm repository is Ready");
    expect(byId.get("clustersecretstores/_/onepassword")?.namespace).toBeUndefined();
  });

  it("has no duplicate edges and no dangling endpoints", () => {
    const keys = g.edges.map((e) => `${e.from}|${e.to}|${e.type}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.from)).toBe(true);
      expect(ids.has(e.to)).toBe(true);
    }
  });

  it("unseen instead of missing when the caller says a kind is not fully listed", () => {
    const g2 = buildGraph(incidentCluster(), { now: NOW, isComplete: (resource) => resource !== "secrets" });
    const node = g2.nodes.find((n) => n.id === "secrets/airflow/airflow-metadata");
    expect(node).toMatchObject({ unseen: true, verdict: { status: "Unknown", reason: "NotVisible" } });
    expect(node?.missing).toBeUndefined();
  });
});

describe("buildGraph: workloads", () => {
  const g = buildGraph(incidentClusterWithWorkloads(), { now: NOW });

  it.each<[string, string, EdgeType]>([
    ["helmreleases/airflow/airflow", "deployments/airflow/airflow-scheduler", "manages"],
    // ReplicaSet not in the snapshot: attached through pod-template-hash.
    ["deployments/airflow/airflow-scheduler", "pods/airflow/airflow-scheduler-6b8c7d9e5f-kq4lm", "owns"],
    ["deployments/airflow/airflow-scheduler", "pods/airflow/airflow-scheduler-5c7b9d8f6d-m4n7b", "owns"],
    ["pods/airflow/airflow-scheduler-6b8c7d9e5f-kq4lm", "secrets/airflow/airflow-metadata", "uses-secret"],
    ["pods/airflow/airflow-scheduler-6b8c7d9e5f-kq4lm", "secrets/airflow/airflow-fernet-key", "uses-secret"],
    ["pods/airflow/airflow-scheduler-6b8c7d9e5f-kq4lm", "secrets/airflow/airflow-git-ssh", "uses-secret"],
    ["deployments/airflow/airflow-scheduler", "secrets/airflow/airflow-metadata", "uses-secret"],
  ])("%s → %s (%s)", (from, to, type) => {
    expect(hasEdge(g, from, to, type)).toBe(true);
  });

  it("a ConfigMap kind absent from the snapshot is unseen, not missing", () => {
    // The snapshot holds one ConfigMap (apps/podinfo-values), so configmaps count as listed: airflow-config is missing.
    expect(g.nodes.find((n) => n.id === "configmaps/airflow/airflow-config")?.missing).toBe(true);
    const noCm = incidentClusterWithWorkloads().filter((o) => o.kind !== "ConfigMap");
    const g2 = buildGraph(noCm, { now: NOW });
    expect(g2.nodes.find((n) => n.id === "configmaps/airflow/airflow-config")?.unseen).toBe(true);
  });

  it("matches pods to workloads by selector when pods carry no ownerReferences", () => {
    const objs = incidentClusterWithWorkloads().map((o) =>
      o.kind === "Pod" ? { ...o, metadata: { ...o.metadata, ownerReferences: undefined } } : o,
    );
    const g2 = buildGraph(objs, { now: NOW });
    expect(
      hasEdge(g2, "deployments/airflow/airflow-scheduler", "pods/airflow/airflow-scheduler-6b8c7d9e5f-kq4lm", "owns"),
    ).toBe(true);
    expect(
      hasEdge(g2, "deployments/cert-manager/cert-manager", "pods/cert-manager/cert-manager-7d4b9c8f6-q2w3e", "owns"),
    ).toBe(true);
  });
});
