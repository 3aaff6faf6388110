// Kubernetes API paths for the registry's resource types.
import type { ResourceInfo } from "@/lib/kinds/registry";

/** Collection path: cluster-wide when namespace is undefined, else namespaced. */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  return info.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${info.resource}` : `${base}/${info.resource}`;
}

export function objectPath(info: ResourceInfo, namespace: string | undefined, name: string, subresource?: string): string {
  const path = `${collectionPath(info, info.namespaced ? namespace : undefined)}/${encodeURIComponent(name)}`;
  return subresource ? `${path}/${subresource}` : path;
}
