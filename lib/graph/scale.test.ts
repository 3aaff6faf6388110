import { describe, expect, it } from "vitest";
import { buildGraph, rootCause } from "./index";
import { largeCluster } from "./fixtures/large";

describe("buildGraph at scale", () => {
  it("builds a graph of 30,000+ objects (timing is measured by the benchmark, not here)", () => {
    const objects = largeCluster(505);
    expect(objects.length).toBeGreaterThanOrEqual(30_000);
    const started = performance.now();
    const g = buildGraph(objects, { now: Date.parse("2025-06-12T10:00:00Z") });
    const ms = performance.now() - started;
    console.info(
      `buildGraph: ${objects.length} objects → ${g.nodes.length} nodes, ${g.edges.length} edges in ${ms.toFixed(0)} ms`,
    );
    expect(g.nodes.length).toBeGreaterThanOrEqual(objects.length);
    // A failing ExternalSecret in team-0 leaves pods without their Secret: the chain reaches it.
    const chain = rootCause(g, "secrets/team-0/secret-0");
    expect(chain.map((s) => s.kind)).toEqual(["Secret", "ExternalSecret"]);
    // The 500-long dependsOn chain of healthy Kustomizations does not blow the stack.
    expect(rootCause(g, "kustomizations/flux-system/team-504")).toEqual([]);
  });
});
