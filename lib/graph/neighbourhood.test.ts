import { describe, expect, it } from "vitest";
import { NOW } from "../health/fixtures/clock";
import { buildGraph, neighbourhood } from "./index";
import { incidentCluster } from "./fixtures/cluster";

describe("neighbourhood", () => {
  const g = buildGraph(incidentCluster(), { now: NOW });
  const idsOf = (ids: string[]) => [...ids].sort();

  it("depth 1 around the missing Secret: its ExternalSecret below, the HelmRelease above", () => {
    const sub = neighbourhood(g, "secrets/airflow/airflow-metadata", 1);
    expect(idsOf(sub.nodes.map((n) => n.id))).toEqual([
      "externalsecrets/airflow/airflow-metadata",
      "helmreleases/airflow/airflow",
      "secrets/airflow/airflow-metadata",
    ]);
    expect(sub.edges).toHaveLength(2);
  });

  it("depth 2 adds the store below and the Kustomization above, but not the release's other Secrets", () => {
    const ids = neighbourhood(g, "secrets/airflow/airflow-metadata", 2).nodes.map((n) => n.id);
    expect(ids).toContain("clustersecretstores/_/onepassword");
    expect(ids).toContain("kustomizations/flux-system/apps");
    expect(ids).not.toContain("secrets/airflow/airflow-fernet-key");
  });

  it("is bounded by maxNodes and only returns edges among kept nodes", () => {
    const sub = neighbourhood(g, "helmreleases/airflow/airflow", 3, { maxNodes: 4 });
    expect(sub.nodes).toHaveLength(4);
    const kept = new Set(sub.nodes.map((n) => n.id));
    for (const e of sub.edges) expect(kept.has(e.from) && kept.has(e.to)).toBe(true);
  });

  it("unknown id → empty graph", () => {
    expect(neighbourhood(g, "pods/x/y", 2)).toEqual({ nodes: [], edges: [] });
  });
});
