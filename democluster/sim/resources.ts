// ResourceKeys of every kind the simulated controllers read or write, and kind -> key resolution for manifests.
import type { ResourceKey, Store } from "../store/types";

function key(group: string, plural: string): ResourceKey {
  return { group, plural };
}

export const SOURCE_GROUP = "source.toolkit.fluxcd.io";
export const KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
export const HELM_GROUP = "helm.toolkit.fluxcd.io";
export const ESO_GROUP = "external-secrets.io";

export const R = {
  namespaces: key("", "namespaces"),
  pods: key("", "pods"),
  secrets: key("", "secrets"),
  configmaps: key("", "configmaps"),
  services: key("", "services"),
  serviceaccounts: key("", "serviceaccounts"),
  events: key("", "events"),
  deployments: key("apps", "deployments"),
  statefulsets: key("apps", "statefulsets"),
  jobs: key("batch", "jobs"),
  pdbs: key("policy", "poddisruptionbudgets"),
  gitrepositories: key(SOURCE_GROUP, "gitrepositories"),
  helmrepositories: key(SOURCE_GROUP, "helmrepositories"),
  ocirepositories: key(SOURCE_GROUP, "ocirepositories"),
  helmcharts: key(SOURCE_GROUP, "helmcharts"),
  kustomizations: key(KUSTOMIZE_GROUP, "kustomizations"),
  helmreleases: key(HELM_GROUP, "helmreleases"),
  externalsecrets: key(ESO_GROUP, "externalsecrets"),
  clusterexternalsecrets: key(ESO_GROUP, "clusterexternalsecrets"),
  secretstores: key(ESO_GROUP, "secretstores"),
  clustersecretstores: key(ESO_GROUP, "clustersecretstores"),
  pushsecrets: key(ESO_GROUP, "pushsecrets"),
} as const;

export const API_VERSION = {
  source: `${SOURCE_GROUP}/v1`,
  kustomize: `${KUSTOMIZE_GROUP}/v1`,
  helm: `${HELM_GROUP}/v2`,
  eso: `${ESO_GROUP}/v1`,
} as const;

export function sameKey(a: ResourceKey, b: ResourceKey): boolean {
  return a.group === b.group && a.plural === b.plural;
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

export interface ResolvedKind {
  key: ResourceKey;
  namespaced: boolean;
  group: string;
  kind: string;
}

/** Finds the served type for a manifest's apiVersion + kind; undefined when the cluster does not serve it. */
export function resolveKind(store: Store, apiVersion: string, kind: string): ResolvedKind | undefined {
  const group = groupOf(apiVersion);
  const rt = store.resourceTypes().find((t) => t.group === group && t.kind === kind);
  if (!rt) return undefined;
  return { key: { group: rt.group, plural: rt.plural }, namespaced: rt.namespaced, group: rt.group, kind: rt.kind };
}

/** Flux inventory id: "<namespace>_<name>_<group>_<kind>". */
export function inventoryId(namespace: string | undefined, name: string, group: string, kind: string): string {
  return `${namespace ?? ""}_${name}_${group}_${kind}`;
}

export function parseInventoryId(
  id: string,
): { namespace: string; name: string; group: string; kind: string } | undefined {
  const parts = id.split("_");
  if (parts.length < 4) return undefined;
  const kind = parts[parts.length - 1];
  const group = parts[parts.length - 2];
  const namespace = parts[0];
  const name = parts.slice(1, parts.length - 2).join("_");
  return { namespace, name, group, kind };
}
