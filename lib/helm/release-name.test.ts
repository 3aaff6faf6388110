import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { fluxReleaseName, releaseNamespaceOf, shortenReleaseName, specReleaseName, storageNamespaceOf } from "./release-name";

function hr(spec: Record<string, unknown> = {}, status?: Record<string, unknown>, name = "airflow", namespace = "flux-apps"): KubeObject {
  return { apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease", metadata: { name, namespace }, spec, status };
}

describe("shortenReleaseName (helm-controller internal/release/name_test.go vectors)", () => {
  it.each([
    ["release-name", "release-name"],
    ["release-name-with-very-long-name-which-is-longer-than-53-characters", "release-name-with-very-long-name-which-i-788ca0d0d7b0"],
    ["another-release-name-with-very-long-name-which-is-longer-than-53-characters", "another-release-name-with-very-long-name-7e72150d5a36"],
    ["", ""],
    // exactly 53 characters: kept
    ["a".repeat(53), "a".repeat(53)],
  ])("%s", (name, expected) => {
    expect(shortenReleaseName(name)).toBe(expected);
    expect(shortenReleaseName(name).length).toBeLessThanOrEqual(53);
  });
});

describe("fluxReleaseName", () => {
  const longTarget = "data-platform-production-eu-west-1-tenant-analytics";
  it.each([
    ["<name> by default", hr(), "airflow"],
    ["<targetNamespace>-<name> with a targetNamespace", hr({ targetNamespace: "airflow-prod" }), "airflow-prod-airflow"],
    ["spec.releaseName wins", hr({ releaseName: "af", targetNamespace: "airflow-prod" }), "af"],
    [
      "shortened past 53 characters (40 + '-' + 12 hex of sha256)",
      hr({ targetNamespace: longTarget }),
      shortenReleaseName(`${longTarget}-airflow`),
    ],
    [
      "status.history's newest snapshot wins over the spec (the release actually stored)",
      hr({ releaseName: "renamed" }, { history: [{ name: "airflow", version: 7, status: "deployed" }] }),
      "airflow",
    ],
    [
      "the newest snapshot is the highest version even when history is not sorted",
      hr({}, { history: [{ name: "old", version: 2 }, { name: "new", version: 9 }, { name: "mid", version: 5 }] }),
      "new",
    ],
  ])("%s", (_name, obj, expected) => {
    expect(fluxReleaseName(obj)).toBe(expected);
  });

  it("the long form is 40 characters, a dash and 12 hex characters", () => {
    const name = specReleaseName(hr({ targetNamespace: longTarget }));
    expect(name).toMatch(/^data-platform-production-eu-west-1-tenan-[0-9a-f]{12}$/);
    expect(name).toHaveLength(53);
  });
});

describe("storageNamespaceOf (api/v2 GetStorageNamespace; status.storageNamespace for the current release)", () => {
  it.each([
    ["status.storageNamespace first", hr({ storageNamespace: "helm-store", targetNamespace: "airflow" }, { storageNamespace: "old-store" }), "old-store"],
    ["then spec.storageNamespace", hr({ storageNamespace: "helm-store", targetNamespace: "airflow" }), "helm-store"],
    ["then the HelmRelease's own namespace — never the targetNamespace", hr({ targetNamespace: "airflow" }), "flux-apps"],
  ])("%s", (_name, obj, expected) => {
    expect(storageNamespaceOf(obj)).toBe(expected);
  });

  it("the chart's objects go to the targetNamespace (GetReleaseNamespace)", () => {
    expect(releaseNamespaceOf(hr({ targetNamespace: "airflow" }))).toBe("airflow");
    expect(releaseNamespaceOf(hr())).toBe("flux-apps");
  });
});
