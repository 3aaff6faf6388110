import { describe, expect, it } from "vitest";
import type { RootCauseStep } from "@/lib/views/detail";
import { rootCauseSegments, rootCauseText } from "./root-cause";

const step = (resource: string, kind: string, name: string, status: RootCauseStep["status"], message = "", reason = ""): RootCauseStep => ({
  id: `${resource}/airflow/${name}`,
  resource,
  kind,
  namespace: "airflow",
  name,
  status,
  reason,
  message,
});

const chain = [
  step("helmreleases", "HelmRelease", "airflow", "Degraded", "install retries exhausted"),
  step("secrets", "Secret", "airflow-metadata", "Missing"),
  step("externalsecrets", "ExternalSecret", "airflow-metadata", "Degraded", "could not get secret data from provider", "SecretSyncedError"),
];

describe("rootCauseText", () => {
  it.each([
    [chain, "HelmRelease airflow → Secret airflow-metadata (missing) → ExternalSecret airflow-metadata: could not get secret data from provider"],
    [[chain[0]], "HelmRelease airflow: install retries exhausted"],
    [[chain[0], chain[1]], "HelmRelease airflow → Secret airflow-metadata (missing): install retries exhausted"],
    [[chain[1]], "Secret airflow-metadata (missing)"],
    [[step("pods", "Pod", "scheduler", "Degraded", "", "CrashLoopBackOff")], "Pod scheduler: CrashLoopBackOff"],
    [[], ""],
  ])("%#", (steps, text) => {
    expect(rootCauseText(steps)).toBe(text);
  });
});

describe("rootCauseSegments", () => {
  it("links every present step to its detail page and leaves missing ones unlinked", () => {
    expect(rootCauseSegments("demo", chain).map((s) => s.href)).toEqual([
      "/clusters/demo/helmreleases/airflow/airflow",
      null,
      "/clusters/demo/externalsecrets/airflow/airflow-metadata",
    ]);
  });
});
