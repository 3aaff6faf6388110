import { describe, expect, it } from "vitest";
import type { GraphEdgeView, GraphNodeView } from "@/lib/views/detail";
import { groupHealthyPods } from "./group-pods";

type Health = GraphNodeView["health"];

function node(resource: string, name: string, health: Health = "Healthy", extra: Partial<GraphNodeView> = {}): GraphNodeView {
  const kind = { pods: "Pod", deployments: "Deployment", statefulsets: "StatefulSet", secrets: "Secret", helmreleases: "HelmRelease" }[resource] ?? "X";
  return { id: `${resource}/airflow/${name}`, resource, kind, namespace: "airflow", name, health, reason: "", message: "", missing: false, focus: false, ...extra };
}
const edge = (from: GraphNodeView, to: GraphNodeView, type: string): GraphEdgeView => ({ from: from.id, to: to.id, type });

const hr = node("helmreleases", "airflow", "Healthy", { focus: true });
const scheduler = node("deployments", "airflow-scheduler");
const worker = node("statefulsets", "airflow-worker", "Degraded");
const secret = node("secrets", "airflow-metadata");
const s1 = node("pods", "airflow-scheduler-6b8c7d9e5f-kq4lm");
const s2 = node("pods", "airflow-scheduler-6b8c7d9e5f-m4n7b");
const s3 = node("pods", "airflow-scheduler-6b8c7d9e5f-x9z8q");
const w0 = node("pods", "airflow-worker-0");
const w1 = node("pods", "airflow-worker-1", "Degraded", { reason: "CrashLoopBackOff" });

const base = {
  nodes: [hr, scheduler, worker, secret, s1, s2, s3, w0, w1],
  edges: [
    edge(hr, scheduler, "manages"),
    edge(hr, worker, "manages"),
    ...[s1, s2, s3].flatMap((p) => [edge(scheduler, p, "owns"), edge(p, secret, "uses-secret")]),
    ...[w0, w1].flatMap((p) => [edge(worker, p, "owns"), edge(p, secret, "uses-secret")]),
  ],
};

describe("groupHealthyPods", () => {
  it.each([
    {
      name: "three healthy scheduler pods become one node; the worker's healthy pod alone and its crashing pod stay",
      input: base,
      nodes: ["helmreleases/airflow/airflow", "deployments/airflow/airflow-scheduler", "statefulsets/airflow/airflow-worker", "secrets/airflow/airflow-metadata", "podgroup/airflow/deployments/airflow-scheduler", "pods/airflow/airflow-worker-0", "pods/airflow/airflow-worker-1"],
      groupName: "3 healthy pods",
    },
    {
      name: "the page's own pod is never hidden in a group",
      input: { ...base, nodes: base.nodes.map((n) => (n === s1 ? { ...n, focus: true } : n === hr ? { ...n, focus: false } : n)) },
      nodes: ["helmreleases/airflow/airflow", "deployments/airflow/airflow-scheduler", "statefulsets/airflow/airflow-worker", "secrets/airflow/airflow-metadata", "pods/airflow/airflow-scheduler-6b8c7d9e5f-kq4lm", "podgroup/airflow/deployments/airflow-scheduler", "pods/airflow/airflow-worker-0", "pods/airflow/airflow-worker-1"],
      groupName: "2 healthy pods",
    },
    {
      name: "a progressing pod stays visible beside the group of the others",
      input: { ...base, nodes: base.nodes.map((n) => (n === s3 ? { ...n, health: "Progressing" as Health } : n)) },
      nodes: ["helmreleases/airflow/airflow", "deployments/airflow/airflow-scheduler", "statefulsets/airflow/airflow-worker", "secrets/airflow/airflow-metadata", "podgroup/airflow/deployments/airflow-scheduler", "pods/airflow/airflow-scheduler-6b8c7d9e5f-x9z8q", "pods/airflow/airflow-worker-0", "pods/airflow/airflow-worker-1"],
      groupName: "2 healthy pods",
    },
  ])("$name", ({ input, nodes, groupName }) => {
    const g = groupHealthyPods(input.nodes, input.edges);
    expect(g.nodes.map((n) => n.id)).toEqual(nodes);
    const group = g.nodes.find((n) => n.id.startsWith("podgroup/"));
    expect(group).toMatchObject({ kind: "Pods", name: groupName, health: "Healthy", namespace: "airflow" });
    expect(g.groups.get(group?.id ?? "")?.owner.id).toBe("deployments/airflow/airflow-scheduler");
  });

  it("merges the grouped pods' edges into one edge each way (no duplicates), and keeps the others", () => {
    const g = groupHealthyPods(base.nodes, base.edges);
    const group = "podgroup/airflow/deployments/airflow-scheduler";
    expect(g.edges.filter((e) => e.from === group || e.to === group)).toEqual([
      { from: "deployments/airflow/airflow-scheduler", to: group, type: "owns" },
      { from: group, to: "secrets/airflow/airflow-metadata", type: "uses-secret" },
    ]);
    expect(g.edges).toContainEqual({ from: "pods/airflow/airflow-worker-1", to: "secrets/airflow/airflow-metadata", type: "uses-secret" });
    expect(g.edges.every((e) => g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to))).toBe(true);
  });

  it("leaves a graph with at most one healthy pod per workload as it is", () => {
    const nodes = [hr, worker, w0, w1];
    const edges = [edge(hr, worker, "manages"), edge(worker, w0, "owns"), edge(worker, w1, "owns")];
    const g = groupHealthyPods(nodes, edges);
    expect(g.nodes).toEqual(nodes);
    expect(g.edges).toEqual(edges);
    expect(g.groups.size).toBe(0);
  });
});
