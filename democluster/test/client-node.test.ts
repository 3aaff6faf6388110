// The real @kubernetes/client-node 1.4 client against the demo cluster, through the written kubeconfigs
// (https with the self-signed CA): list, merge patch (setHeaderOptions + PatchStrategy.MergePatch), watch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
} from "@kubernetes/client-node";
import type { DemoCluster } from "../index";
import { api, createHelmRelease, createNamespace, obj, startTestCluster } from "./helpers";

let cluster: DemoCluster;
const HR = { group: "helm.toolkit.fluxcd.io", version: "v2", plural: "helmreleases" };

function kubeConfig(file: string, context?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  if (context) kc.setCurrentContext(context);
  return kc;
}

beforeAll(async () => {
  cluster = await startTestCluster();
  const call = api(cluster);
  await createNamespace(call, "airflow");
  await createHelmRelease(call, "airflow", "airflow");
  await createHelmRelease(call, "airflow", "second");
});
afterAll(async () => cluster.stop());

describe("@kubernetes/client-node", () => {
  it("loads the app kubeconfig: one context `demo` with user fluxtower over https", () => {
    const kc = kubeConfig(cluster.appKubeconfigPath);
    expect(kc.getContexts().map((c) => c.name)).toEqual(["demo"]);
    expect(kc.getCurrentCluster()?.name).toBe("demo");
    expect(kc.getCurrentCluster()?.server).toBe(cluster.httpsUrl);
    expect(kc.getCurrentUser()?.name).toBe("fluxtower");
  });

  it("lists custom objects and core objects", async () => {
    const kc = kubeConfig(cluster.appKubeconfigPath);
    const custom = kc.makeApiClient(CustomObjectsApi);
    const list = obj(await custom.listNamespacedCustomObject({ ...HR, namespace: "airflow" }));
    expect(list.kind).toBe("HelmReleaseList");
    expect(list.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(["airflow", "second"]);
    const core = kc.makeApiClient(CoreV1Api);
    const namespaces = await core.listNamespace();
    expect(namespaces.items.map((n) => n.metadata?.name)).toContain("airflow");
    const limited = obj(await custom.listClusterCustomObject({ ...HR, limit: 1 }));
    expect(limited.items).toHaveLength(1);
    expect(typeof limited.metadata.continue).toBe("string");
  });

  it("merge-patches with setHeaderOptions('Content-Type', PatchStrategy.MergePatch) and a fieldManager", async () => {
    const kc = kubeConfig(cluster.kubeconfigPath, "demo-operator");
    const custom = kc.makeApiClient(CustomObjectsApi);
    const patched = obj(
      await custom.patchNamespacedCustomObject(
        {
          ...HR,
          namespace: "airflow",
          name: "airflow",
          body: { metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": "2024-06-01T00:00:00Z" } } },
          fieldManager: "fluxtower",
        },
        setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
      ),
    );
    expect(patched.metadata.annotations["reconcile.fluxcd.io/requestedAt"]).toBe("2024-06-01T00:00:00Z");
    const log = await fetch(`${cluster.url}/__demo/requests?since=0`, {
      headers: { Authorization: `Bearer ${cluster.controlToken}` },
    });
    const patch = (obj(await log.json()).requests as Record<string, unknown>[])
      .filter((r) => r.method === "PATCH")
      .at(-1);
    expect(patch).toMatchObject({
      user: "operator",
      contentType: "application/merge-patch+json",
      fieldManager: "fluxtower",
      status: 200,
    });
  });

  it("surfaces a 403 from the app identity writing as itself", async () => {
    const custom = kubeConfig(cluster.appKubeconfigPath).makeApiClient(CustomObjectsApi);
    await expect(
      custom.patchNamespacedCustomObject(
        { ...HR, namespace: "airflow", name: "airflow", body: { spec: { suspend: true } } },
        setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
      ),
    ).rejects.toMatchObject({ code: 403 });
  });

  it("watches: initial ADDED events, then MODIFIED after a change, with bookmarks allowed", async () => {
    const kc = kubeConfig(cluster.appKubeconfigPath);
    const events: string[] = [];
    let resolveModified: () => void = () => undefined;
    const modified = new Promise<void>((r) => (resolveModified = r));
    const watch = new Watch(kc);
    const controller = await watch.watch(
      "/apis/helm.toolkit.fluxcd.io/v2/namespaces/airflow/helmreleases",
      { allowWatchBookmarks: true },
      (phase, o: { metadata: { name: string } }) => {
        events.push(`${phase} ${o.metadata.name}`);
        if (phase === "MODIFIED") resolveModified();
      },
      (err: unknown) => {
        if (err && !(err instanceof Error && err.name === "AbortError")) events.push(`error ${String(err)}`);
      },
    );
    await new Promise((r) => setTimeout(r, 100));
    await api(cluster)("PATCH", "/apis/helm.toolkit.fluxcd.io/v2/namespaces/airflow/helmreleases/second", {
      body: { spec: { suspend: true } },
      contentType: "application/merge-patch+json",
    });
    await modified;
    controller.abort();
    expect(events).toEqual(["ADDED airflow", "ADDED second", "MODIFIED second"]);
  });
});
