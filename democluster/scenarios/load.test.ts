import { afterEach, describe, expect, it } from "vitest";
import { R } from "../sim/resources";
import { startHarness, type Harness } from "../controllers/test-harness";
import { loadScenario, scenarioNames } from "./load";

let h: Harness | undefined;
afterEach(async () => h?.stop());

describe("scenario files", () => {
  it("lists and validates every scenario", () => {
    expect(scenarioNames()).toEqual(["airflow", "empty", "incidents", "large"]);
    for (const name of scenarioNames()) expect(loadScenario(name).name).toBe(name);
  });

  it("rejects unknown or malformed names", () => {
    expect(() => loadScenario("nope")).toThrow(/unknown scenario "nope"/);
    expect(() => loadScenario("../etc")).toThrow(/invalid scenario name/);
  });

  it("empty has only the base namespaces", async () => {
    h = await startHarness("empty");
    expect(
      h.store
        .list(R.namespaces)
        .map((n) => n.metadata.name)
        .sort(),
    ).toEqual(["default", "flux-system", "kube-system"]);
    expect(h.store.count(R.helmreleases) + h.store.count(R.kustomizations) + h.store.count(R.pods)).toBe(0);
  });

  it("keeps scenario-only keys out of the store", async () => {
    h = await startHarness("airflow");
    const ks = h.store.get(R.kustomizations, "flux-system", "flux-system") as unknown as Record<string, unknown>;
    expect(ks.contains).toBeUndefined();
    expect(ks.fieldManager).toBeUndefined();
    expect(h.store.get(R.kustomizations, "flux-system", "flux-system")?.metadata.managedFields?.[0]?.manager).toBe(
      "flux",
    );
  });
});
