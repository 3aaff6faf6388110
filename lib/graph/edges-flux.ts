// Edges of Flux objects: source, dependsOn, applies, manages, values-from, Flux secretRefs. Pure module.
import type { KubeObject } from "../kinds/object";
import { at, bool, recs, str } from "../health/read";
import type { GraphBuilder } from "./builder";
import { nodeId, parseInventoryId } from "./ids";

const KS_NAME = "kustomize.toolkit.fluxcd.io/name";
const KS_NAMESPACE = "kustomize.toolkit.fluxcd.io/namespace";
const HR_NAME = "helm.toolkit.fluxcd.io/name";
const HR_NAMESPACE = "helm.toolkit.fluxcd.io/namespace";

/** Flux spec fields holding a `{ name }` Secret reference, per kind. */
const SECRET_REF_PATHS: Record<string, string[][]> = {
  GitRepository: [["secretRef"], ["proxySecretRef"], ["verify", "secretRef"]],
  HelmRepository: [["secretRef"], ["certSecretRef"]],
  OCIRepository: [["secretRef"], ["certSecretRef"], ["proxySecretRef"], ["verify", "secretRef"]],
  HelmChart: [["verify", "secretRef"]],
  Bucket: [["secretRef"], ["certSecretRef"], ["proxySecretRef"]],
  Kustomization: [
    ["decryption", "secretRef"],
    ["kubeConfig", "secretRef"],
  ],
  HelmRelease: [["kubeConfig", "secretRef"]],
};

/** Adds every Flux edge for the snapshot. */
export function addFluxEdges(b: GraphBuilder): void {
  for (const [id, obj] of b.objects) {
    const ns = obj.metadata.namespace;
    if (obj.kind === "Kustomization") {
      const ref = at(obj.spec, "sourceRef");
      const kind = str(at(ref, "kind"));
      const name = str(at(ref, "name"));
      if (kind && name) b.link(id, { kind, name, namespace: str(at(ref, "namespace")) ?? ns }, "source");
      addDependsOn(b, id, obj);
      addInventory(b, id, obj, "applies");
    } else if (obj.kind === "HelmRelease") {
      addHelmReleaseSource(b, id, obj);
      addDependsOn(b, id, obj);
      addInventory(b, id, obj, "manages");
      for (const v of recs(obj.spec?.valuesFrom)) {
        const kind = str(v.kind);
        const name = str(v.name);
        if ((kind === "Secret" || kind === "ConfigMap") && name) {
          b.link(id, { kind, name, namespace: ns }, "values-from", bool(v.optional) ? "skip" : "reference");
        }
      }
    } else if (obj.kind === "HelmChart") {
      const ref = at(obj.spec, "sourceRef");
      const kind = str(at(ref, "kind"));
      const name = str(at(ref, "name"));
      if (kind && name) b.link(id, { kind, name, namespace: ns }, "source");
    }
    for (const path of SECRET_REF_PATHS[obj.kind] ?? []) {
      const name = str(at(obj.spec, ...path, "name"));
      if (name) b.link(id, { kind: "Secret", name, namespace: ns }, "uses-secret");
    }
  }
  addLabelEdges(b);
}

function addDependsOn(b: GraphBuilder, id: string, obj: KubeObject): void {
  for (const dep of recs(obj.spec?.dependsOn)) {
    const name = str(dep.name);
    if (!name) continue;
    b.link(
      id,
      { kind: str(dep.kind) ?? obj.kind, name, namespace: str(dep.namespace) ?? obj.metadata.namespace },
      "dependsOn",
    );
  }
}

/**
 * HelmRelease sources, as `flux reconcile --with-source` resolves them: spec.chart → HelmChart
 * `<hrNamespace>-<hrName>` in the sourceRef's namespace (and, when that HelmChart is absent, the missing chart node
 * → the HelmRelease's sourceRef so the repository still shows); spec.chartRef → OCIRepository/HelmChart directly.
 */
function addHelmReleaseSource(b: GraphBuilder, id: string, hr: KubeObject): void {
  const ns = hr.metadata.namespace;
  const chartRef = at(hr.spec, "chartRef");
  const refKind = str(at(chartRef, "kind"));
  const refName = str(at(chartRef, "name"));
  if (refKind && refName) {
    b.link(id, { kind: refKind, name: refName, namespace: str(at(chartRef, "namespace")) ?? ns }, "source");
    return;
  }
  const sourceRef = at(hr.spec, "chart", "spec", "sourceRef");
  const srcKind = str(at(sourceRef, "kind"));
  const srcName = str(at(sourceRef, "name"));
  if (!srcKind || !srcName) return;
  const srcNs = str(at(sourceRef, "namespace")) ?? ns;
  // status.helmChart ("<namespace>/<name>") is what helm-controller actually created; else the documented name.
  const [statusNs, statusName] = (str(hr.status?.helmChart) ?? "").split("/");
  const chart =
    statusNs && statusName
      ? { namespace: statusNs, name: statusName }
      : { namespace: srcNs, name: `${ns ?? ""}-${hr.metadata.name}` };
  const chartId = b.link(id, { kind: "HelmChart", ...chart }, "source");
  if (chartId && !b.objects.has(chartId)) b.link(chartId, { kind: srcKind, name: srcName, namespace: srcNs }, "source");
}

function addInventory(b: GraphBuilder, id: string, obj: KubeObject, type: "applies" | "manages"): void {
  for (const entry of recs(at(obj.status, "inventory", "entries"))) {
    const parsed = parseInventoryId(str(entry.id) ?? "");
    if (parsed) b.link(id, { kind: parsed.kind, namespace: parsed.namespace, name: parsed.name }, type, "skip");
  }
}

/** `applies` / `manages` from the Kustomization / HelmRelease ownership labels on each object. */
function addLabelEdges(b: GraphBuilder): void {
  for (const [id, obj] of b.objects) {
    const labels = obj.metadata.labels;
    if (!labels) continue;
    const ksName = labels[KS_NAME];
    const ksNs = labels[KS_NAMESPACE];
    if (ksName && ksNs) {
      const ks = nodeId("Kustomization", ksNs, ksName);
      if (b.objects.has(ks)) b.addEdge(ks, id, "applies");
    }
    const hrName = labels[HR_NAME];
    const hrNs = labels[HR_NAMESPACE];
    if (hrName && hrNs) {
      const hr = nodeId("HelmRelease", hrNs, hrName);
      if (b.objects.has(hr)) b.addEdge(hr, id, "manages");
    }
  }
}
