// The resource types Fluxtower reads, keyed by lowercase plural (the `resource` used in URLs and the API).
// Pure data: lib/k8s uses it to build watch paths, lib/health and lib/graph to name kinds.

export type ResourceFamily = "flux-source" | "flux-reconciler" | "eso" | "workload" | "core";

export interface ResourceInfo {
  resource: string; // plural
  group: string; // "" for core
  version: string;
  kind: string;
  namespaced: boolean;
  family: ResourceFamily;
}

export const RESOURCES: readonly ResourceInfo[] = [
  { resource: "gitrepositories", group: "source.toolkit.fluxcd.io", version: "v1", kind: "GitRepository", namespaced: true, family: "flux-source" },
  { resource: "helmrepositories", group: "source.toolkit.fluxcd.io", version: "v1", kind: "HelmRepository", namespaced: true, family: "flux-source" },
  { resource: "ocirepositories", group: "source.toolkit.fluxcd.io", version: "v1", kind: "OCIRepository", namespaced: true, family: "flux-source" },
  { resource: "helmcharts", group: "source.toolkit.fluxcd.io", version: "v1", kind: "HelmChart", namespaced: true, family: "flux-source" },
  { resource: "kustomizations", group: "kustomize.toolkit.fluxcd.io", version: "v1", kind: "Kustomization", namespaced: true, family: "flux-reconciler" },
  { resource: "helmreleases", group: "helm.toolkit.fluxcd.io", version: "v2", kind: "HelmRelease", namespaced: true, family: "flux-reconciler" },
  { resource: "externalsecrets", group: "external-secrets.io", version: "v1", kind: "ExternalSecret", namespaced: true, family: "eso" },
  { resource: "clusterexternalsecrets", group: "external-secrets.io", version: "v1", kind: "ClusterExternalSecret", namespaced: false, family: "eso" },
  { resource: "secretstores", group: "external-secrets.io", version: "v1", kind: "SecretStore", namespaced: true, family: "eso" },
  { resource: "clustersecretstores", group: "external-secrets.io", version: "v1", kind: "ClusterSecretStore", namespaced: false, family: "eso" },
  { resource: "deployments", group: "apps", version: "v1", kind: "Deployment", namespaced: true, family: "workload" },
  { resource: "statefulsets", group: "apps", version: "v1", kind: "StatefulSet", namespaced: true, family: "workload" },
  { resource: "jobs", group: "batch", version: "v1", kind: "Job", namespaced: true, family: "workload" },
  { resource: "pods", group: "", version: "v1", kind: "Pod", namespaced: true, family: "workload" },
  { resource: "poddisruptionbudgets", group: "policy", version: "v1", kind: "PodDisruptionBudget", namespaced: true, family: "workload" },
  { resource: "secrets", group: "", version: "v1", kind: "Secret", namespaced: true, family: "core" },
  { resource: "configmaps", group: "", version: "v1", kind: "ConfigMap", namespaced: true, family: "core" },
  { resource: "services", group: "", version: "v1", kind: "Service", namespaced: true, family: "core" },
  { resource: "events", group: "", version: "v1", kind: "Event", namespaced: true, family: "core" },
  { resource: "namespaces", group: "", version: "v1", kind: "Namespace", namespaced: false, family: "core" },
];

const byResource = new Map(RESOURCES.map((r) => [r.resource, r]));
const byKind = new Map(RESOURCES.map((r) => [r.kind, r]));

export function resourceInfo(resource: string): ResourceInfo | undefined {
  return byResource.get(resource);
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}
