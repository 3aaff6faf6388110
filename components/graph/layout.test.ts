import { describe, expect, it } from "vitest";
import type { GraphEdgeView, GraphNodeView } from "@/lib/views/detail";
import { layoutGraph, NODE_WIDTH, routePath } from "./layout";

const node = (id: string, extra: Partial<GraphNodeView> = {}): GraphNodeView => {
  const [resource, ns, name] = id.split("/");
  return { id, resource, kind: resource, namespace: ns === "_" ? null : ns, name, health: "Healthy", reason: "", message: "", missing: false, focus: false, ...extra };
};

describe("layoutGraph", () => {
  const nodes = [
    node("helmreleases/airflow/airflow", { focus: true }),
    node("secrets/airflow/airflow-metadata", { missing: true }),
    node("externalsecrets/airflow/airflow-metadata"),
    node("clustersecretstores/_/vault"),
  ];
  const edges: GraphEdgeView[] = [
    { from: "helmreleases/airflow/airflow", to: "secrets/airflow/airflow-metadata", type: "values-from" },
    { from: "secrets/airflow/airflow-metadata", to: "externalsecrets/airflow/airflow-metadata", type: "synced-by" },
    { from: "externalsecrets/airflow/airflow-metadata", to: "clustersecretstores/_/vault", type: "store" },
    { from: "helmreleases/airflow/airflow", to: "gone/x/y", type: "dependsOn" },
  ];

  it("places dependencies to the right of their dependents", () => {
    const { positions } = layoutGraph(nodes, edges);
    const x = (id: string) => positions.get(id)!.x;
    expect(x("helmreleases/airflow/airflow")).toBeLessThan(x("secrets/airflow/airflow-metadata"));
    expect(x("secrets/airflow/airflow-metadata")).toBeLessThan(x("externalsecrets/airflow/airflow-metadata"));
    expect(x("externalsecrets/airflow/airflow-metadata")).toBeLessThan(x("clustersecretstores/_/vault"));
  });

  it("drops edges to unknown nodes and reports the size", () => {
    const out = layoutGraph(nodes, edges);
    expect(out.edges).toHaveLength(3);
    expect(out.width).toBeGreaterThanOrEqual(4 * NODE_WIDTH);
    expect(out.positions.size).toBe(4);
  });

  it("lays out a single node", () => {
    const out = layoutGraph([node("pods/airflow/web-0")], []);
    expect(out.positions.get("pods/airflow/web-0")).toBeDefined();
  });
});

describe("routes", () => {
  it("gives every kept edge a route from its source to its target and a label position", () => {
    const a = node("helmreleases/airflow/airflow");
    const b = node("secrets/airflow/s");
    const out = layoutGraph([a, b], [{ from: a.id, to: b.id, type: "values-from" }]);
    const [e] = out.edges;
    expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(e.points[0].x).toBeLessThan(e.points[e.points.length - 1].x);
    expect(Number.isFinite(e.label.x) && Number.isFinite(e.label.y)).toBe(true);
    expect(routePath(e.points)).toMatch(/^M [\d.-]+ [\d.-]+ /);
    expect(routePath([])).toBe("");
  });
});
