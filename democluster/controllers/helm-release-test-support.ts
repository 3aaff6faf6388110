// Shared helpers of the helm-controller tests: the harness of the running test and readers of the HelmRelease.
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { annotate, apply, cond, token, waitFor, type Harness } from "./test-harness";
import { airflowRelease, airflowSecrets, airflowValues, helmRepository, ns } from "./test-fixtures";

export function releaseHelpers(harness: () => Harness) {
  const hr = (name = "airflow", namespace = "airflow"): KObject | undefined =>
    harness().store.get(R.helmreleases, namespace, name);
  const readyHr = (name = "airflow", namespace = "airflow"): KObject | undefined => {
    const o = hr(name, namespace);
    return cond(o, "Ready")?.status === "True" && o?.status?.observedGeneration === o?.metadata.generation
      ? o
      : undefined;
  };
  const stalled = (name = "airflow", namespace = "airflow"): KObject | undefined =>
    cond(hr(name, namespace), "Stalled")?.status === "True" ? hr(name, namespace) : undefined;
  async function installHealthy(values = airflowValues()): Promise<KObject> {
    apply(harness().store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow"),
      airflowRelease("airflow", "airflow", values),
    ]);
    return waitFor("install", () => readyHr(), 15_000);
  }
  function request(fields: { reset?: boolean; force?: boolean; resetToken?: string } = {}): string {
    const t = token();
    const ann: Record<string, string> = { "reconcile.fluxcd.io/requestedAt": t };
    if (fields.reset) ann["reconcile.fluxcd.io/resetAt"] = fields.resetToken ?? t;
    if (fields.force) ann["reconcile.fluxcd.io/forceAt"] = t;
    annotate(harness().store, R.helmreleases, "airflow", "airflow", ann, "flux");
    return t;
  }
  return { hr, readyHr, stalled, installHealthy, request };
}
