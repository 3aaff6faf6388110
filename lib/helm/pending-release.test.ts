import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { recordSecret } from "./fixtures/airflow-release";
import { pendingRelease } from "./pending-release";
import { decodeReleaseSecret } from "./release-record";

const deployed = decodeReleaseSecret(recordSecret(3, "deployed"));
const failed = decodeReleaseSecret(recordSecret(4, "failed"));
const pendingUpgrade = decodeReleaseSecret(recordSecret(4, "pending-upgrade"));
const superseded = decodeReleaseSecret(recordSecret(2, "superseded"));

const digest3 = "sha256:1f0c9d2e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d";
const digestNew = "sha256:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d";

/** A HelmRelease whose history says revision 3 with chart 1.18.0 and digest3 (api/v2 Snapshot fields). */
function hr(status: Record<string, unknown> = {}, generation = 5, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: "airflow", namespace: "airflow", generation },
    spec,
    status: {
      lastAttemptedGeneration: 5,
      lastAttemptedRevision: "1.18.0",
      lastAttemptedConfigDigest: digest3,
      history: [{ name: "airflow", namespace: "airflow", version: 3, status: "deployed", chartName: "airflow", chartVersion: "1.18.0", configDigest: digest3 }],
      ...status,
    },
  };
}

describe("pendingRelease", () => {
  it("nothing pending when the newest revision is deployed and matches the last attempt", () => {
    expect(pendingRelease(hr(), { current: deployed, latest: deployed })).toEqual({ pending: false, reasons: [] });
  });

  it.each([
    [
      "a newer failed revision",
      hr(),
      { current: deployed, latest: failed },
      /Helm revision 4 \(airflow 1\.18\.0\) failed since 2026-12-04T10:00:00\.5Z: Upgrade "airflow" failed: context deadline exceeded; revision 3 \(airflow 1\.18\.0\) is still deployed\./,
    ],
    ["a newer pending-upgrade revision", hr(), { current: deployed, latest: pendingUpgrade }, /Helm revision 4 \(airflow 1\.18\.0\) is pending-upgrade/],
    ["no deployed revision at all", hr(), { latest: failed }, /failed .*; no revision is deployed\./],
    [
      "values changed but not applied (lastAttemptedConfigDigest ≠ history[0].configDigest)",
      hr({ lastAttemptedConfigDigest: digestNew }),
      { current: deployed, latest: deployed },
      /last attempted values sha256:9e8d7c6b5a4f, but the newest Helm revision 3 was made with values sha256:1f0c9d2e8a7b\./,
    ],
    [
      "chart version changed but not applied",
      hr({ lastAttemptedRevision: "1.19.0" }),
      { current: deployed, latest: deployed },
      /last attempted chart version 1\.19\.0, but the newest Helm revision 3 has chart version 1\.18\.0\./,
    ],
    [
      "the HelmRelease history's newest snapshot is not deployed",
      hr({ history: [{ name: "airflow", version: 3, status: "failed", chartVersion: "1.18.0", configDigest: digest3 }] }),
      { current: deployed, latest: deployed },
      /^The newest Helm revision 3 in the HelmRelease history is failed\.$/,
    ],
    ["a spec change not attempted yet", hr({}, 6), { current: deployed, latest: deployed }, /changed \(generation 6\) after helm-controller's last attempt \(generation 5\)\.$/],
    ["… and the HelmRelease is suspended", hr({}, 6, { suspend: true }), { current: deployed, latest: deployed }, /\(the HelmRelease is suspended\)\.$/],
  ])("%s", (_name, obj, records, reason) => {
    const result = pendingRelease(obj, records);
    expect(result.pending).toBe(true);
    expect(result.reasons.join("\n")).toMatch(reason);
  });

  it("an older failed revision does not count once a newer one is deployed", () => {
    const olderFailed = decodeReleaseSecret(recordSecret(2, "failed"));
    expect(pendingRelease(hr(), { current: deployed, latest: deployed }).pending).toBe(false);
    expect(pendingRelease(hr(), { current: deployed, latest: olderFailed }).pending).toBe(false);
    expect(pendingRelease(hr(), { current: deployed, latest: superseded }).pending).toBe(false);
  });
});
