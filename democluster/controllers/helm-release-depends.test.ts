import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { apply, cond, startHarness, waitFor, type Harness } from "./test-harness";
import { airflowRelease, airflowSecrets, airflowValues, helmRepository, ns } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

const hr = (name = "airflow", namespace = "airflow"): KObject | undefined =>
  h.store.get(R.helmreleases, namespace, name);
const readyHr = (name = "airflow", namespace = "airflow"): KObject | undefined => {
  const o = hr(name, namespace);
  return cond(o, "Ready")?.status === "True" && o?.status?.observedGeneration === o?.metadata.generation
    ? o
    : undefined;
};

describe("helm-controller dependsOn", () => {
  it("waits for dependsOn with DependencyNotReady and installs once the dependency is Ready", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow"),
      airflowRelease("airflow", "airflow", airflowValues(), { dependsOn: [{ name: "base" }] }),
    ]);
    await waitFor("waiting", () => (cond(hr(), "Ready")?.reason === "DependencyNotReady" ? hr() : undefined), 10_000);
    expect(cond(hr(), "Ready")?.message).toMatch(/base/);
    apply(h.store, [airflowRelease("base", "airflow", airflowValues())]);
    await waitFor("base ready", () => readyHr("base"), 15_000);
    await waitFor("dependent installed", () => readyHr(), 15_000);
  });
});
