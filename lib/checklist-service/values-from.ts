// The HelmRelease's `spec.valuesFrom` sources: ConfigMaps from the cache, Secrets read live as the app identity
// (their data is values YAML the evaluator merges; it is never cached here or returned as such).
import "server-only";
import type { ValuesFromSource } from "@/lib/checklist";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { KubeHttpError, kubeJson } from "@/lib/k8s/transport";

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function strings(v: unknown, decode: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isMap(v)) return out;
  for (const [k, x] of Object.entries(v))
    if (typeof x === "string") out[k] = decode ? Buffer.from(x, "base64").toString("utf8") : x;
  return out;
}

async function secretSource(cluster: string, ns: string, name: string): Promise<ValuesFromSource> {
  try {
    const s = await kubeJson<KubeObject>(cluster, {
      path: `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${encodeURIComponent(name)}`,
    });
    return {
      kind: "Secret",
      name,
      data: { ...strings(s.data, true), ...strings(s.stringData, false) },
      resourceVersion: s.metadata.resourceVersion,
    };
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 404) return { kind: "Secret", name };
    throw err;
  }
}

/** Resolve every `valuesFrom` entry (missing objects come back without `data`). */
export async function valuesFromSources(
  cluster: string,
  cache: ClusterCache,
  release: KubeObject,
): Promise<ValuesFromSource[]> {
  const refs = Array.isArray(release.spec?.valuesFrom) ? release.spec.valuesFrom.filter(isMap) : [];
  const ns = release.metadata.namespace ?? "default";
  return Promise.all(
    refs.map(async (ref): Promise<ValuesFromSource> => {
      const kind = typeof ref.kind === "string" ? ref.kind : "";
      const name = typeof ref.name === "string" ? ref.name : "";
      const key = typeof ref.valuesKey === "string" ? ref.valuesKey : "values.yaml";
      if (kind === "Secret") return { ...(await secretSource(cluster, ns, name)), key };
      const cm = cache.get("configmaps", ns, name);
      return cm
        ? { kind, name, key, data: strings(cm.data, false), resourceVersion: cm.metadata.resourceVersion }
        : { kind, name, key };
    }),
  );
}
