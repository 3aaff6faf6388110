// For Secret health: the ExternalSecret that writes a Secret (spec.target.name, or the ES name), per namespace.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";

export function secretOwnerLookup(cache: ClusterCache): (secret: KubeObject) => KubeObject | undefined {
  const index = new Map<string, KubeObject>();
  for (const es of cache.list("externalsecrets")) {
    const target = (es.spec?.target as { name?: string } | undefined)?.name || es.metadata.name;
    index.set(`${es.metadata.namespace}/${target}`, es);
  }
  return (secret) => index.get(`${secret.metadata.namespace}/${secret.metadata.name}`);
}
