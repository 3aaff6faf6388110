import { afterEach, describe, expect, it } from "vitest";
import { R } from "../sim/resources";
import { cond, sleep, startHarness, type Harness } from "../controllers/test-harness";
import { parseLargeParams } from "./large";

let h: Harness | undefined;
afterEach(async () => h?.stop());

describe("large scenario", () => {
  it("generates settled objects from params, with no startup churn", async () => {
    h = await startHarness("large", 1, {
      namespaces: "4",
      releasesPerNamespace: "25",
      podsPerRelease: "4",
      kustomizations: "120",
      externalSecrets: "30",
    });
    const { store } = h;
    expect(store.count(R.helmreleases)).toBe(100);
    expect(store.count(R.pods)).toBe(400);
    expect(store.count(R.kustomizations)).toBe(120);
    expect(store.count(R.externalsecrets)).toBe(30);
    // 30 synced ExternalSecret targets + one Helm release record per release + the 1Password Connect token the
    // ClusterSecretStore's (CRD-required) auth refers to.
    expect(store.count(R.secrets)).toBe(131);
    expect(store.get(R.secrets, "tenant-000", "sh.helm.release.v1.airflow-000.v1")?.metadata.labels).toMatchObject({
      owner: "helm",
      name: "airflow-000",
      status: "deployed",
      version: "1",
    });
    expect(store.list(R.namespaces).filter((n) => n.metadata.name.startsWith("tenant-"))).toHaveLength(4);
    const hr = store.get(R.helmreleases, "tenant-000", "airflow-000");
    expect(cond(hr, "Ready")).toMatchObject({ status: "True", reason: "InstallSucceeded" });
    expect(hr?.status?.history?.[0]).toMatchObject({ chartVersion: "1.18.0", status: "deployed" });
    expect(cond(store.get(R.externalsecrets, "tenant-001", "app-credentials-0001"), "Ready")?.reason).toBe(
      "SecretSynced",
    );
    expect(store.list(R.pods, "tenant-000").every((p) => cond(p, "Ready")?.status === "True")).toBe(true);
    const rv = Number(store.currentResourceVersion());
    await sleep(1500);
    // Settled: controllers found nothing to do (a few status no-ops at most).
    expect(Number(store.currentResourceVersion()) - rv).toBeLessThan(5);
  });

  it("reads its parameters (aliases and validation)", () => {
    expect(parseLargeParams({})).toEqual({
      namespaces: 50,
      releasesPerNamespace: 100,
      podsPerRelease: 4,
      kustomizations: 5000,
      externalSecrets: 2000,
      workloadsPerRelease: 2,
    });
    expect(parseLargeParams({ releases: "3", pods: "2" })).toMatchObject({
      releasesPerNamespace: 3,
      podsPerRelease: 2,
    });
    expect(() => parseLargeParams({ namespaces: "-1" })).toThrow(/non-negative integer/);
  });

  it("loads the default size (5,000 HelmReleases, 5,000 Kustomizations, 2,000 ExternalSecrets, 20,000 pods)", async () => {
    const started = Date.now();
    h = await startHarness("large", 1);
    const took = Date.now() - started;
    expect(h.store.count(R.helmreleases)).toBe(5000);
    expect(h.store.count(R.kustomizations)).toBe(5000);
    expect(h.store.count(R.externalsecrets)).toBe(2000);
    expect(h.store.count(R.pods)).toBe(20000);
    console.log(`large scenario (default params) loaded in ${took} ms`);
  }, 120_000);
});
