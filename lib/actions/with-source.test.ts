import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { planSources, type SourceRef } from "./with-source";

const o = (kind: string, namespace: string, name: string, spec: Record<string, unknown> = {}): KubeObject => ({ apiVersion: "x/v1", kind, metadata: { name, namespace }, spec });

function store(...objs: KubeObject[]) {
  const seen: string[] = [];
  const fetch = async (ref: SourceRef) => {
    seen.push(`${ref.kind}/${ref.namespace}/${ref.name}`);
    const found = objs.find((x) => x.kind === ref.kind && x.metadata.namespace === ref.namespace && x.metadata.name === ref.name);
    if (!found) throw new Error(`missing ${ref.kind}/${ref.namespace}/${ref.name}`);
    return found;
  };
  return { fetch, seen };
}

const names = (planned: Awaited<ReturnType<typeof planSources>>) => planned.map((p) => `${p.ref.kind}/${p.ref.namespace}/${p.ref.name}`);

describe("withSource planning (flux reconcile --with-source)", () => {
  it("Kustomization → its sourceRef, namespace defaulting to its own", async () => {
    const s = store(o("GitRepository", "apps", "repo"));
    expect(names(await planSources(o("Kustomization", "apps", "ks", { sourceRef: { kind: "GitRepository", name: "repo" } }), s.fetch))).toEqual(["GitRepository/apps/repo"]);
  });

  it("HelmRelease with spec.chart → chart source, then HelmChart <ns>-<name> in the source namespace", async () => {
    const s = store(
      o("HelmRepository", "flux-system", "apache-airflow"),
      o("HelmChart", "flux-system", "airflow-airflow", { sourceRef: { kind: "HelmRepository", name: "apache-airflow" } }),
    );
    const hr = o("HelmRelease", "airflow", "airflow", { chart: { spec: { chart: "airflow", sourceRef: { kind: "HelmRepository", name: "apache-airflow", namespace: "flux-system" } } } });
    expect(names(await planSources(hr, s.fetch))).toEqual(["HelmRepository/flux-system/apache-airflow", "HelmChart/flux-system/airflow-airflow"]);
  });

  it("skips a static (oci) HelmRepository", async () => {
    const s = store(
      o("HelmRepository", "airflow", "oci", { type: "oci" }),
      o("HelmChart", "airflow", "airflow-web", { sourceRef: { kind: "HelmRepository", name: "oci" } }),
    );
    const hr = o("HelmRelease", "airflow", "web", { chart: { spec: { sourceRef: { kind: "HelmRepository", name: "oci" } } } });
    expect(names(await planSources(hr, s.fetch))).toEqual(["HelmChart/airflow/airflow-web"]);
  });

  it("chartRef OCIRepository directly; chartRef HelmChart with its source first", async () => {
    const s = store(
      o("OCIRepository", "flux-system", "podinfo"),
      o("GitRepository", "apps", "charts"),
      o("HelmChart", "apps", "mychart", { sourceRef: { kind: "GitRepository", name: "charts" } }),
    );
    expect(names(await planSources(o("HelmRelease", "apps", "a", { chartRef: { kind: "OCIRepository", name: "podinfo", namespace: "flux-system" } }), s.fetch))).toEqual(["OCIRepository/flux-system/podinfo"]);
    expect(names(await planSources(o("HelmRelease", "apps", "b", { chartRef: { kind: "HelmChart", name: "mychart" } }), s.fetch))).toEqual(["GitRepository/apps/charts", "HelmChart/apps/mychart"]);
  });

  it("refuses Bucket sources and other kinds with a clear message", async () => {
    const s = store();
    await expect(planSources(o("Kustomization", "a", "ks", { sourceRef: { kind: "Bucket", name: "b" } }), s.fetch)).rejects.toThrow(/Bucket source/);
    await expect(planSources(o("GitRepository", "a", "g"), s.fetch)).rejects.toThrow(/Kustomizations and HelmReleases only/);
    await expect(planSources(o("HelmRelease", "a", "h"), s.fetch)).rejects.toThrow(/neither spec.chart nor spec.chartRef/);
  });
});
