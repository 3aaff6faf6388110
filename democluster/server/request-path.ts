// Parses Kubernetes API paths: /version, /api, /apis, discovery documents and resource paths
// (/api/v1/..., /apis/{group}/{version}/..., optional legacy /watch/ prefix, namespaced or cluster-wide).
export type ApiPath =
  | { type: "version" }
  | { type: "api-versions" }
  | { type: "api-groups" }
  | { type: "api-group"; group: string }
  | { type: "resource-list"; group: string; version: string }
  | {
      type: "resource";
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name?: string;
      subresource?: string;
      watchPrefix: boolean;
    }
  | { type: "unknown" };

export function parseApiPath(pathname: string): ApiPath {
  let segments: string[];
  try {
    segments = pathname
      .split("/")
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s));
  } catch {
    return { type: "unknown" };
  }
  const [root, ...rest] = segments;
  if (root === "version" && rest.length === 0) return { type: "version" };
  if (root === "api") {
    if (rest.length === 0) return { type: "api-versions" };
    const [version, ...tail] = rest;
    if (tail.length === 0) return { type: "resource-list", group: "", version: version as string };
    return resourcePath("", version as string, tail);
  }
  if (root === "apis") {
    if (rest.length === 0) return { type: "api-groups" };
    const [group, version, ...tail] = rest;
    if (version === undefined) return { type: "api-group", group: group as string };
    if (tail.length === 0) return { type: "resource-list", group: group as string, version };
    return resourcePath(group as string, version, tail);
  }
  return { type: "unknown" };
}

function resourcePath(group: string, version: string, input: string[]): ApiPath {
  let rest = input;
  let watchPrefix = false;
  if (rest[0] === "watch") {
    watchPrefix = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3 && !(group === "" && rest.length === 3 && isNamespaceSub(rest[2]))) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return { type: "unknown" };
  const [plural, name, subresource] = rest as [string, string | undefined, string | undefined];
  const out: ApiPath = { type: "resource", group, version, plural, watchPrefix };
  if (namespace !== undefined) out.namespace = namespace;
  if (name !== undefined) out.name = name;
  if (subresource !== undefined) out.subresource = subresource;
  return out;
}

function isNamespaceSub(s: string | undefined): boolean {
  return s === "status" || s === "finalize";
}
