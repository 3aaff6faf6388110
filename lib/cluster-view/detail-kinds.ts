// Per-kind detail sections: HelmRelease (counters, history, resolved values with Secret values masked, inventory),
// Kustomization (revisions, inventory), ExternalSecret (store, target, refresh, keys).
import "server-only";
import { parse as parseYaml } from "yaml";
import { composeValues } from "@/lib/checklist/values";
import type { ValuesFromSource } from "@/lib/checklist/snapshot";
import type { KubeObject } from "@/lib/kinds/object";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { kubeJson } from "@/lib/k8s/transport";
import type { ExternalSecretDetail, HelmReleaseDetail, KustomizationDetail } from "@/lib/views/detail";
import { helmRecordsView } from "./helm-records-view";

const MASK = "••••••";

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === "object" && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number => (typeof v === "number" ? v : 0);

/** Replaces every leaf of a parsed values document with the mask (structure stays visible). */
export function maskLeaves(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskLeaves);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskLeaves(x)]));
  return MASK;
}

function inventoryIds(obj: KubeObject): string[] {
  const entries = (rec(obj.status).inventory as { entries?: { id?: string }[] } | undefined)?.entries ?? [];
  return entries.map((e) => e.id ?? "").filter(Boolean);
}

/**
 * A Secret valuesFrom source with every value masked: undefined when the Secret is absent, {} when the key is.
 * With targetPath the key holds one value (masked as a whole); otherwise a YAML document whose structure is kept.
 */
async function secretValuesSource(cluster: string, ns: string, name: string, key: string, targetPath: boolean): Promise<Record<string, string> | undefined> {
  try {
    const s = await kubeJson<{ data?: Record<string, string> }>(cluster, { path: `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets/${encodeURIComponent(name)}` });
    const raw = s.data?.[key];
    if (raw === undefined) return {};
    if (targetPath) return { [key]: MASK };
    // Parse server-side, then keep only the masked structure: the values never leave this function.
    const masked = maskLeaves(parseYaml(Buffer.from(raw, "base64").toString("utf8")));
    return { [key]: JSON.stringify(masked) };
  } catch {
    return undefined;
  }
}

export async function helmReleaseDetail(cache: ClusterCache, hr: KubeObject): Promise<HelmReleaseDetail> {
  const spec = rec(hr.spec);
  const status = rec(hr.status);
  const ns = hr.metadata.namespace ?? "";
  const sources: ValuesFromSource[] = [];
  const report: HelmReleaseDetail["valuesSources"] = [];
  for (const ref of (spec.valuesFrom as Rec[] | undefined) ?? []) {
    const kind = str(ref.kind) ?? "ConfigMap";
    const name = str(ref.name) ?? "";
    const key = str(ref.valuesKey) ?? "values.yaml";
    let data: Record<string, string> | undefined;
    if (kind === "ConfigMap") data = cache.get("configmaps", ns, name)?.data as Record<string, string> | undefined;
    else data = await secretValuesSource(cache.id, ns, name, key, !!ref.targetPath); // masked; JSON is valid YAML
    sources.push({ kind, name, key, data });
    report.push({ kind, name, key, found: !!data && data[key] !== undefined, masked: kind === "Secret" });
  }
  const composed = composeValues(hr, sources, {});
  const chartSpec = rec(rec(rec(spec.chart).spec));
  const history = ((status.history as Rec[] | undefined) ?? []).map((h) => ({ ...h }));
  return {
    chart: str(chartSpec.chart) ?? str(history[0]?.chartName) ?? null,
    chartVersion: str(history[0]?.chartVersion) ?? str(chartSpec.version) ?? null,
    failures: { failures: num(status.failures), installFailures: num(status.installFailures), upgradeFailures: num(status.upgradeFailures) },
    history,
    values: composed.values,
    valuesSources: report,
    inventory: inventoryIds(hr),
    helm: await helmRecordsView(cache, hr),
  };
}

export function kustomizationDetail(ks: KubeObject): KustomizationDetail {
  const status = rec(ks.status);
  return {
    lastAppliedRevision: str(status.lastAppliedRevision),
    lastAttemptedRevision: str(status.lastAttemptedRevision),
    inventory: inventoryIds(ks),
  };
}

export function externalSecretDetail(cache: ClusterCache, es: KubeObject, canSeeSecrets: boolean): ExternalSecretDetail {
  const spec = rec(es.spec);
  const target = str(rec(spec.target).name) || es.metadata.name;
  const storeRef = rec(spec.secretStoreRef);
  const secret = canSeeSecrets ? cache.get("secrets", es.metadata.namespace, target) : undefined;
  return {
    store: storeRef.name ? { kind: str(storeRef.kind) ?? "SecretStore", name: String(storeRef.name) } : null,
    targetSecret: target,
    refreshPolicy: str(spec.refreshPolicy) ?? "Periodic",
    refreshInterval: str(spec.refreshInterval) ?? "1h",
    refreshTime: str(rec(es.status).refreshTime),
    secretKeys: secret ? ((secret.dataKeys as string[] | undefined) ?? []) : null,
    remoteRefs: ((spec.data as Rec[] | undefined) ?? []).map((d) => ({
      secretKey: str(d.secretKey) ?? "",
      key: str(rec(d.remoteRef).key) ?? "",
      property: str(rec(d.remoteRef).property),
    })),
  };
}
