// Scale check in the spirit of the `large` scenario: 22,000 objects in the store, then LIST 5,000
// HelmReleases over HTTP (full list and paginated) in well under a second or two.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import type { KObject } from "../store/types";
import { HR_PATH, startTestCluster } from "./helpers";

let cluster: DemoCluster;
let seedMs = 0;

function labels(i: number): Record<string, string> {
  return { "helm.toolkit.fluxcd.io/name": `release-${i}`, tier: "airflow", release: `release-${i}` };
}

beforeAll(async () => {
  cluster = await startTestCluster();
  const { store } = cluster;
  const started = Date.now();
  for (let n = 0; n < 50; n++)
    store.create(
      { group: "", plural: "namespaces" },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: `team-${n}` } },
    );
  for (let i = 0; i < 5000; i++) {
    const ns = `team-${i % 50}`;
    const hr: KObject = {
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      metadata: { name: `release-${i}`, namespace: ns, labels: labels(i) },
      spec: {
        interval: "10m",
        chart: {
          spec: {
            chart: "airflow",
            version: "1.18.0",
            sourceRef: { kind: "HelmRepository", name: "apache-airflow", namespace: "flux-system" },
          },
        },
        values: { executor: "CeleryExecutor", workers: { replicas: 2 } },
      },
      status: {
        conditions: [
          {
            type: "Ready",
            status: "True",
            reason: "InstallSucceeded",
            message: "Helm install succeeded",
            lastTransitionTime: "2024-01-01T00:00:00Z",
          },
        ],
        // A complete helm-controller Snapshot: the CRD requires every one of these fields
        // (helm.toolkit.fluxcd.io_helmreleases.yaml status.history.items.required).
        history: [
          {
            name: `release-${i}`,
            namespace: ns,
            version: 1,
            status: "deployed",
            chartName: "airflow",
            chartVersion: "1.18.0",
            appVersion: "3.0.2",
            configDigest: "sha256:5b8fbd3cf8ac3b7e4e1f0e2c4a2b6f3d9c0a1e2b3c4d5e6f708192a3b4c5d6e7",
            digest: "sha256:0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb",
            firstDeployed: "2024-01-01T00:00:00Z",
            lastDeployed: "2024-01-01T00:00:00Z",
          },
        ],
      },
    };
    store.create({ group: "helm.toolkit.fluxcd.io", plural: "helmreleases" }, hr, { fieldManager: "helm-controller" });
    store.create(
      { group: "kustomize.toolkit.fluxcd.io", plural: "kustomizations" },
      {
        apiVersion: "kustomize.toolkit.fluxcd.io/v1",
        kind: "Kustomization",
        metadata: { name: `ks-${i}`, namespace: ns },
        spec: {
          interval: "10m",
          path: `./apps/${i}`,
          prune: true,
          sourceRef: { kind: "GitRepository", name: "flux-system" },
        },
      },
    );
  }
  for (let i = 0; i < 2000; i++) {
    store.create(
      { group: "external-secrets.io", plural: "externalsecrets" },
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: { name: `es-${i}`, namespace: `team-${i % 50}` },
        spec: {
          refreshInterval: "1h",
          secretStoreRef: { kind: "ClusterSecretStore", name: "vault" },
          target: { name: `es-${i}` },
        },
      },
    );
  }
  for (let i = 0; i < 10000; i++) {
    store.create(
      { group: "", plural: "pods" },
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `release-${i % 5000}-worker-${i}`, namespace: `team-${i % 50}`, labels: labels(i % 5000) },
        spec: { containers: [{ name: "worker", image: "apache/airflow:3.0.2" }] },
        status: { phase: "Running" },
      },
    );
  }
  seedMs = Date.now() - started;
});
afterAll(async () => cluster.stop());

describe("large lists", () => {
  it("seeds 22,000+ objects quickly", () => {
    console.log(`seeded 22,050 objects in ${seedMs} ms`);
    expect(seedMs).toBeLessThan(30_000);
  });

  it("lists 5,000 HelmReleases in one request", async () => {
    const timings: number[] = [];
    let count = 0;
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await fetch(`${cluster.url}${HR_PATH}/helmreleases`, {
        headers: { Authorization: `Bearer ${cluster.tokens.fluxtower}` },
      });
      const body = (await res.json()) as { items: unknown[] };
      timings.push(Date.now() - started);
      count = body.items.length;
    }
    console.log(`LIST 5,000 HelmReleases: ${timings.join(" ms, ")} ms (cold, warm, warm)`);
    expect(count).toBe(5000);
    expect(Math.min(...timings)).toBeLessThan(1500);
  });

  it("pages through 5,000 HelmReleases with limit=500", async () => {
    let token = "";
    let total = 0;
    let pages = 0;
    const started = Date.now();
    do {
      const res = await fetch(
        `${cluster.url}${HR_PATH}/helmreleases?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ""}`,
        {
          headers: { Authorization: `Bearer ${cluster.tokens.fluxtower}` },
        },
      );
      const body = (await res.json()) as { items: unknown[]; metadata: { continue?: string } };
      total += body.items.length;
      token = body.metadata.continue ?? "";
      pages++;
    } while (token);
    console.log(`paged LIST (10 x 500): ${Date.now() - started} ms`);
    expect(total).toBe(5000);
    expect(pages).toBe(10);
  });

  it("answers a label-selected pod list across 10,000 pods", async () => {
    const res = await fetch(
      `${cluster.url}/api/v1/pods?labelSelector=${encodeURIComponent("helm.toolkit.fluxcd.io/name=release-42")}`,
      {
        headers: { Authorization: `Bearer ${cluster.tokens.fluxtower}` },
      },
    );
    const body = (await res.json()) as { items: { metadata: { name: string } }[] };
    expect(body.items.map((p) => p.metadata.name).sort()).toEqual(["release-42-worker-42", "release-42-worker-5042"]);
  });
});
