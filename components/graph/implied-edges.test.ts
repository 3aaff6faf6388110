import { describe, expect, it } from "vitest";
import type { GraphEdgeView, GraphNodeView } from "@/lib/views/detail";
import { dropImpliedPodEdges } from "./implied-edges";

const node = (resource: string, name: string): GraphNodeView => ({
  id: `${resource}/airflow/${name}`,
  resource,
  kind: resource,
  namespace: "airflow",
  name,
  health: "Healthy",
  reason: "",
  message: "",
  missing: false,
  focus: false,
});
const e = (from: GraphNodeView, type: string, to: GraphNodeView): GraphEdgeView => ({ from: from.id, to: to.id, type });

const dep = node("deployments", "airflow-scheduler");
const pod = node("pods", "airflow-scheduler-6b8c7d9e5f-kq4lm");
const bare = node("pods", "debug-shell");
const meta = node("secrets", "airflow-metadata");
const fernet = node("secrets", "airflow-fernet-key");
const cfg = node("configmaps", "airflow-config");
const nodes = [dep, pod, bare, meta, fernet, cfg];

describe("dropImpliedPodEdges", () => {
  it.each([
    { name: "a pod's Secret edge its Deployment also has is dropped", edges: [e(dep, "owns", pod), e(dep, "uses-secret", meta), e(pod, "uses-secret", meta)], kept: 2 },
    { name: "a pod's ConfigMap edge its Deployment also has is dropped", edges: [e(dep, "owns", pod), e(dep, "uses-configmap", cfg), e(pod, "uses-configmap", cfg)], kept: 2 },
    { name: "a reference only the pod has stays (template changed mid-rollout)", edges: [e(dep, "owns", pod), e(dep, "uses-secret", meta), e(pod, "uses-secret", fernet)], kept: 3 },
    { name: "a bare pod keeps its edges", edges: [e(bare, "uses-secret", meta), e(dep, "uses-secret", meta)], kept: 2 },
    { name: "the same target under another edge type stays", edges: [e(dep, "owns", pod), e(dep, "uses-configmap", meta), e(pod, "uses-secret", meta)], kept: 3 },
    { name: "the owns edge itself always stays", edges: [e(dep, "owns", pod)], kept: 1 },
  ])("$name", ({ edges, kept }) => {
    const out = dropImpliedPodEdges(nodes, edges);
    expect(out).toHaveLength(kept);
    expect(out.every((x) => edges.includes(x))).toBe(true);
  });
});
