import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { annotate, apply, cond, sleep, startHarness, token, waitFor, type Harness } from "./test-harness";
import { gitRepository, kustomization, ns } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

const ks = (name: string, namespace = "flux-system"): KObject | undefined =>
  h.store.get(R.kustomizations, namespace, name);
const ready = (name: string, namespace = "flux-system"): KObject | undefined =>
  cond(ks(name, namespace), "Ready")?.status === "True" ? ks(name, namespace) : undefined;
const gitRev = (): string => h.store.get(R.gitrepositories, "flux-system", "flux-system")?.status?.artifact?.revision;

function webDeployment(): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "apps" },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" }, annotations: { "prometheus.io/scrape": "true" } },
        spec: { containers: [{ name: "web", image: "nginx:1.27" }] },
      },
    },
  };
}

describe("kustomize-controller", () => {
  it("applies its manifests with ownership labels and records the inventory and revisions", async () => {
    h = await startHarness();
    h.sim.setKustomizationContents?.("flux-system", "apps", [ns("apps"), webDeployment()]);
    apply(h.store, [gitRepository("flux-system"), kustomization("apps", {})]);
    const obj = await waitFor("apps ready", () => ready("apps"));
    expect(cond(obj, "Ready")).toMatchObject({
      reason: "ReconciliationSucceeded",
      message: `Applied revision: ${gitRev()}`,
    });
    expect(obj.status.lastAppliedRevision).toBe(gitRev());
    expect(obj.status.lastAttemptedRevision).toBe(gitRev());
    expect(obj.status.observedGeneration).toBe(1);
    expect(obj.status.inventory.entries).toEqual([
      { id: "_apps__Namespace", v: "v1" },
      { id: "apps_web_apps_Deployment", v: "v1" },
    ]);
    const dep = h.store.get(R.deployments, "apps", "web");
    expect(dep?.metadata.labels).toMatchObject({
      "kustomize.toolkit.fluxcd.io/name": "apps",
      "kustomize.toolkit.fluxcd.io/namespace": "flux-system",
    });
    expect(dep?.metadata.managedFields?.map((m) => m.manager)).toContain("kustomize-controller");

    const t = token();
    annotate(h.store, R.kustomizations, "flux-system", "apps", { "reconcile.fluxcd.io/requestedAt": t });
    await waitFor("requestedAt handled", () => ks("apps")?.status?.lastHandledReconcileAt === t);
  });

  it("waits for dependsOn with DependencyNotReady", async () => {
    h = await startHarness();
    apply(h.store, [
      gitRepository("flux-system"),
      kustomization("infra", { sourceRef: { kind: "GitRepository", name: "infra-repo" } }),
      kustomization("apps", { dependsOn: [{ name: "infra" }] }),
    ]);
    const blocked = await waitFor("apps blocked", () =>
      cond(ks("apps"), "Ready")?.reason === "DependencyNotReady" ? ks("apps") : undefined,
    );
    expect(cond(blocked, "Ready")).toMatchObject({
      status: "False",
      message: "dependency 'flux-system/infra' is not ready",
    });
    expect(cond(ks("infra"), "Ready")).toMatchObject({
      status: "False",
      reason: "ArtifactFailed",
      message: "Source 'GitRepository/flux-system/infra-repo' not found",
    });
    apply(h.store, [gitRepository("infra-repo")]);
    await waitFor("infra ready", () => ready("infra"));
    await waitFor("apps ready after its dependency", () => ready("apps"));
  });

  it("reports a Kustomization created in the wrong namespace (source not found)", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("data-platform"),
      gitRepository("flux-system"),
      kustomization("data-platform", {}, "data-platform"),
    ]);
    const obj = await waitFor("ArtifactFailed", () =>
      cond(ks("data-platform", "data-platform"), "Ready")?.reason === "ArtifactFailed"
        ? ks("data-platform", "data-platform")
        : undefined,
    );
    expect(cond(obj, "Ready")?.message).toBe("Source 'GitRepository/data-platform/flux-system' not found");
    expect(obj.status.lastAppliedRevision).toBeUndefined();
  });

  it("keeps the last applied revision when a new revision fails to build", async () => {
    h = await startHarness();
    h.sim.setKustomizationContents?.("flux-system", "apps", [ns("apps")]);
    apply(h.store, [gitRepository("flux-system"), kustomization("apps", {})]);
    const good = (await waitFor("applied", () => ready("apps"))).status.lastAppliedRevision as string;
    annotate(h.store, R.kustomizations, "flux-system", "apps", { "democluster.fluxtower.dev/fault": "build-failed" });
    const bad = h.sim.pushGitRevision("flux-system", "flux-system");
    const failed = await waitFor("BuildFailed", () =>
      cond(ks("apps"), "Ready")?.reason === "BuildFailed" ? ks("apps") : undefined,
    );
    expect(cond(failed, "Ready")?.status).toBe("False");
    expect(cond(failed, "Ready")?.message).toContain("kustomize build failed");
    expect(failed.status.lastAttemptedRevision).toBe(bad);
    expect(failed.status.lastAppliedRevision).toBe(good);
    expect(cond(failed, "Reconciling")).toMatchObject({ status: "True", reason: "ProgressingWithRetry" });
    expect(failed.status.observedGeneration).toBe(1);
  });

  it("strips a kubectl rollout restart annotation at the next apply but keeps one written by fluxtower", async () => {
    h = await startHarness();
    h.sim.setKustomizationContents?.("flux-system", "apps", [ns("apps"), webDeployment()]);
    apply(h.store, [gitRepository("flux-system"), kustomization("apps", {})]);
    await waitFor("applied", () => ready("apps"));
    const restartedAt = "kubectl.kubernetes.io/restartedAt";
    const templateAnnotations = (): Record<string, string> =>
      h.store.get(R.deployments, "apps", "web")?.spec.template.metadata.annotations ?? {};
    const restart = (manager: string, at: string): void => {
      h.store.mutate(
        R.deployments,
        "apps",
        "web",
        (d) => {
          d.spec.template.metadata.annotations = { ...(d.spec.template.metadata.annotations ?? {}), [restartedAt]: at };
        },
        { fieldManager: manager },
      );
    };
    const reconcileKs = async (): Promise<void> => {
      const t = token();
      annotate(h.store, R.kustomizations, "flux-system", "apps", { "reconcile.fluxcd.io/requestedAt": t }, "flux");
      await waitFor(
        "ks reconciled",
        () => ks("apps")?.status?.lastHandledReconcileAt === t && cond(ks("apps"), "Ready")?.status === "True",
      );
    };

    restart("kubectl-rollout", "2025-06-13T10:00:00Z");
    expect(templateAnnotations()[restartedAt]).toBe("2025-06-13T10:00:00Z");
    await reconcileKs();
    expect(templateAnnotations()[restartedAt]).toBeUndefined();
    expect(templateAnnotations()["prometheus.io/scrape"]).toBe("true");

    restart("fluxtower", "2025-06-13T11:00:00Z");
    await reconcileKs();
    expect(templateAnnotations()[restartedAt]).toBe("2025-06-13T11:00:00Z");
  });

  it("prunes on deletion, and an object whose controller is gone stays Terminating", async () => {
    h = await startHarness();
    h.sim.setKustomizationContents?.("flux-system", "apps", [ns("apps"), webDeployment()]);
    apply(h.store, [
      gitRepository("flux-system"),
      kustomization("apps", {}),
      kustomization("external-snapshotter", {}, "flux-system", {
        "democluster.fluxtower.dev/fault": "stuck-finalizer",
      }),
    ]);
    await waitFor("both ready", () => ready("apps") && ready("external-snapshotter"));
    h.store.delete(R.kustomizations, "flux-system", "apps");
    h.store.delete(R.kustomizations, "flux-system", "external-snapshotter");
    await waitFor("apps gone", () => !ks("apps"));
    await waitFor("pruned deployment", () => !h.store.get(R.deployments, "apps", "web"));
    await sleep(300);
    const stuck = ks("external-snapshotter");
    expect(stuck?.metadata.deletionTimestamp).toBeTruthy();
    expect(stuck?.metadata.finalizers).toEqual(["finalizers.fluxcd.io"]);
  });
});
