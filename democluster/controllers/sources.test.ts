import { afterEach, describe, expect, it } from "vitest";
import { R } from "../sim/resources";
import { annotate, apply, cond, events, patchSpec, startHarness, token, waitFor, type Harness } from "./test-harness";
import { gitRepository, helmRepository } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

const artifact = (
  h: Harness,
  name: string,
  key = R.gitrepositories,
): { revision: string; digest: string; url: string } | undefined =>
  h.store.get(key, "flux-system", name)?.status?.artifact;

describe("source-controller", () => {
  it("stores a git artifact main@sha1:<40 hex> with Ready and ArtifactInStorage", async () => {
    h = await startHarness();
    apply(h.store, [gitRepository("platform")]);
    const a = await waitFor("artifact", () => artifact(h, "platform"));
    expect(a.revision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(a.url).toContain("/gitrepository/flux-system/platform/");
    const obj = h.store.get(R.gitrepositories, "flux-system", "platform");
    expect(cond(obj, "Ready")).toMatchObject({
      status: "True",
      reason: "Succeeded",
      message: `stored artifact for revision '${a.revision}'`,
    });
    expect(cond(obj, "ArtifactInStorage")).toMatchObject({ status: "True", reason: "Succeeded" });
    expect(obj?.status?.observedGeneration).toBe(1);
    expect(obj?.metadata.finalizers).toContain("finalizers.fluxcd.io");
    expect(events(h.store, "GitRepository", "platform", "NewArtifact")).toHaveLength(1);
  });

  it("records requestedAt in lastHandledReconcileAt and fetches pushed revisions", async () => {
    h = await startHarness();
    apply(h.store, [gitRepository("platform")]);
    const first = await waitFor("artifact", () => artifact(h, "platform"));
    const t = token();
    annotate(h.store, R.gitrepositories, "flux-system", "platform", { "reconcile.fluxcd.io/requestedAt": t });
    await waitFor(
      "lastHandledReconcileAt",
      () => h.store.get(R.gitrepositories, "flux-system", "platform")?.status?.lastHandledReconcileAt === t,
    );
    expect(artifact(h, "platform")?.revision).toBe(first.revision);

    const pushed = h.sim.pushGitRevision("flux-system", "platform", "0123456789abcdef0123456789abcdef01234567");
    expect(pushed).toBe("main@sha1:0123456789abcdef0123456789abcdef01234567");
    await waitFor("new revision", () => artifact(h, "platform")?.revision === pushed);
    const random = h.sim.pushGitRevision("flux-system", "platform");
    await waitFor("random revision", () => artifact(h, "platform")?.revision === random);
    expect(random).not.toBe(pushed);
  });

  it("does nothing while suspended and catches up on resume", async () => {
    h = await startHarness();
    apply(h.store, [gitRepository("platform")]);
    const first = await waitFor("artifact", () => artifact(h, "platform"));
    patchSpec(h.store, R.gitrepositories, "flux-system", "platform", (s) => (s.suspend = true), "flux");
    const rev = h.sim.pushGitRevision("flux-system", "platform");
    const t = token();
    annotate(h.store, R.gitrepositories, "flux-system", "platform", { "reconcile.fluxcd.io/requestedAt": t });
    await new Promise((r) => setTimeout(r, 300));
    expect(artifact(h, "platform")?.revision).toBe(first.revision);
    expect(h.store.get(R.gitrepositories, "flux-system", "platform")?.status?.lastHandledReconcileAt).toBeUndefined();
    patchSpec(h.store, R.gitrepositories, "flux-system", "platform", (s) => delete s.suspend, "flux");
    await waitFor("resumed fetch", () => artifact(h, "platform")?.revision === rev);
  });

  it("keeps the old artifact when fetching fails (stale source)", async () => {
    h = await startHarness();
    apply(h.store, [
      gitRepository("data-platform", "flux-system", {}, { "democluster.fluxtower.dev/fault": "fetch-failed" }),
    ]);
    const first = await waitFor("first artifact", () => artifact(h, "data-platform"));
    const t = token();
    annotate(h.store, R.gitrepositories, "flux-system", "data-platform", { "reconcile.fluxcd.io/requestedAt": t });
    const obj = await waitFor("fetch failure", () => {
      const o = h.store.get(R.gitrepositories, "flux-system", "data-platform");
      return cond(o, "Ready")?.status === "False" && o?.status?.lastHandledReconcileAt === t ? o : undefined;
    });
    expect(cond(obj, "Ready")?.reason).toBe("GitOperationFailed");
    expect(cond(obj, "Ready")?.message).toContain("unable to clone 'ssh://git@github.com/acme/data-platform'");
    expect(cond(obj, "FetchFailed")?.status).toBe("True");
    expect(cond(obj, "ArtifactInStorage")?.status).toBe("True");
    expect(obj.status.artifact.revision).toBe(first.revision);
    expect((h.sim.describe().gitHeads as Record<string, string>)["GitRepository/flux-system/data-platform"]).not.toBe(
      first.revision,
    );
  });

  it("serves a sha256 index revision for HelmRepository and a static Ready for OCI repositories", async () => {
    h = await startHarness();
    apply(h.store, [helmRepository(), helmRepository("ghcr", { type: "oci", url: "oci://ghcr.io/acme/charts" })]);
    const a = await waitFor("index artifact", () => artifact(h, "apache-airflow", R.helmrepositories));
    expect(a.revision).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(cond(h.store.get(R.helmrepositories, "flux-system", "apache-airflow"), "Ready")?.message).toBe(
      `stored artifact: revision '${a.revision}'`,
    );
    const oci = await waitFor("oci ready", () => {
      const o = h.store.get(R.helmrepositories, "flux-system", "ghcr");
      return cond(o, "Ready")?.status === "True" ? o : undefined;
    });
    expect(cond(oci, "Ready")?.message).toBe("Helm repository is Ready");
    expect(oci.status.artifact).toBeUndefined();
  });

  it("resolves HelmChart versions and reports charts that do not exist", async () => {
    h = await startHarness();
    apply(h.store, [
      helmRepository(),
      {
        apiVersion: "source.toolkit.fluxcd.io/v1",
        kind: "HelmChart",
        metadata: { name: "af", namespace: "flux-system" },
        spec: {
          chart: "airflow",
          version: "1.18.x",
          sourceRef: { kind: "HelmRepository", name: "apache-airflow" },
          interval: "10m",
        },
      },
      {
        apiVersion: "source.toolkit.fluxcd.io/v1",
        kind: "HelmChart",
        metadata: { name: "bad", namespace: "flux-system" },
        spec: {
          chart: "airflow",
          version: "9.9.x",
          sourceRef: { kind: "HelmRepository", name: "apache-airflow" },
          interval: "10m",
        },
      },
    ]);
    const a = await waitFor("chart artifact", () => artifact(h, "af", R.helmcharts));
    expect(a.revision).toBe("1.18.0");
    expect(cond(h.store.get(R.helmcharts, "flux-system", "af"), "Ready")).toMatchObject({
      reason: "ChartPullSucceeded",
      message: "pulled 'airflow' chart with version '1.18.0'",
    });
    const bad = await waitFor("chart failure", () => {
      const o = h.store.get(R.helmcharts, "flux-system", "bad");
      return cond(o, "Ready")?.reason === "ChartPullError" ? o : undefined;
    });
    expect(cond(bad, "Ready")?.message).toContain("no 'airflow' chart with version matching '9.9.x' found");
  });
});
