// Discovery documents: /version, /api, /apis, /apis/{group}, /api/v1 and /apis/{group}/{version}.
// Aggregated discovery (Accept ...as=APIGroupDiscoveryList) is answered with the legacy documents and
// Content-Type application/json; clients such as kubectl then fall back to per-group discovery.
import type { ResourceType } from "../store/types";
import { ALL_TYPES, EXTRA_SUBRESOURCES } from "../registrations";

export function versionInfo(): Record<string, string> {
  return {
    major: "1",
    minor: "32",
    gitVersion: "v1.32.0-fluxtower-demo",
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2025-01-01T00:00:00Z",
    goVersion: "go1.23.0",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

/** Each group with its served versions; the first registered version is the preferred one (external-secrets.io
 * serves v1 and, for PushSecret, v1alpha1). */
function groups(): { name: string; versions: string[] }[] {
  const seen = new Map<string, string[]>();
  for (const rt of ALL_TYPES) {
    if (rt.group === "") continue;
    const versions = seen.get(rt.group) ?? [];
    if (!versions.includes(rt.version)) versions.push(rt.version);
    seen.set(rt.group, versions);
  }
  return [...seen.entries()].map(([name, versions]) => ({ name, versions }));
}

function groupDoc(g: { name: string; versions: string[] }): Record<string, unknown> {
  const gvs = g.versions.map((version) => ({ groupVersion: `${g.name}/${version}`, version }));
  return { name: g.name, versions: gvs, preferredVersion: gvs[0] };
}

export function apiGroupList(): Record<string, unknown> {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groups().map(groupDoc) };
}

export function apiGroup(group: string): Record<string, unknown> | undefined {
  const g = groups().find((x) => x.name === group);
  return g ? { kind: "APIGroup", apiVersion: "v1", ...groupDoc(g) } : undefined;
}

function resourceEntry(rt: ResourceType): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: rt.plural,
    singularName: rt.singular,
    namespaced: rt.namespaced,
    kind: rt.kind,
    verbs: rt.verbs,
  };
  if (rt.shortNames) entry.shortNames = rt.shortNames;
  if (rt.categories) entry.categories = rt.categories;
  return entry;
}

export function apiResourceList(group: string, version: string): Record<string, unknown> | undefined {
  const types = ALL_TYPES.filter((rt) => rt.group === group && rt.version === version);
  if (types.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const rt of types) {
    resources.push(resourceEntry(rt));
    if (rt.subresources.status) {
      resources.push({
        name: `${rt.plural}/status`,
        singularName: "",
        namespaced: rt.namespaced,
        kind: rt.kind,
        verbs: ["get", "patch", "update"],
      });
    }
    for (const sub of EXTRA_SUBRESOURCES.filter((s) => s.group === rt.group && s.plural === rt.plural)) {
      resources.push({
        name: `${rt.plural}/${sub.name}`,
        singularName: "",
        namespaced: rt.namespaced,
        ...(sub.speaks ?? { kind: rt.kind }),
        verbs: sub.verbs,
      });
    }
  }
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}
