// Facts about a Secret for rotation and the inventory: who manages it (ESO, a HelmRelease/chart, a Kustomization,
// Fluxtower's own backups, or nobody — created by hand) and which workloads consume it (env, envFrom, volumes,
// projected volumes). Pure: the caller passes the cached objects.
import { ESO_MANAGED_LABEL } from "@/lib/health";
import { at, str } from "@/lib/health/read";
import { podSpecRefs } from "@/lib/graph";
import { podSpecOf } from "@/lib/graph/pod-refs";
import type { KubeObject } from "@/lib/kinds/object";
import { providerTypeOf, storeRefOf, targetNameOf } from "./eso-remote";
import { BACKUP_OF_LABEL, ROTATION_ID_LABEL, STAGED_FOR_LABEL } from "./kinds";

export interface EsoManager {
  type: "external-secret";
  externalSecret: string;
  namespace: string;
  store: { kind: "SecretStore" | "ClusterSecretStore"; name: string } | null;
  providerType: string | null;
  refreshPolicy: string;
  refreshInterval: string | null;
}

export type Manager =
  | EsoManager
  | { type: "helm"; release: string; namespace: string; chart: string | null }
  | { type: "kustomization"; name: string; namespace: string }
  | { type: "fluxtower"; role: "backup" | "staged"; of: string; rotationId: string | null }
  | { type: "manual" };

export interface Consumer {
  resource: "deployments" | "statefulsets" | "jobs" | "pods";
  kind: string;
  namespace: string;
  name: string;
  /** A rollout restart applies (Deployment/StatefulSet); Jobs and bare Pods pick the value up on their next run. */
  restartable: boolean;
}

export interface TargetLookups {
  externalSecrets: KubeObject[];
  secretStores: KubeObject[];
  clusterSecretStores: KubeObject[];
}

function esoManager(es: KubeObject, lookups: TargetLookups): EsoManager {
  const store = storeRefOf(es) ?? null;
  const storeObj = store
    ? (store.kind === "ClusterSecretStore" ? lookups.clusterSecretStores : lookups.secretStores.filter((s) => s.metadata.namespace === es.metadata.namespace)).find((s) => s.metadata.name === store.name)
    : undefined;
  return {
    type: "external-secret",
    externalSecret: es.metadata.name,
    namespace: es.metadata.namespace ?? "",
    store,
    providerType: providerTypeOf(storeObj) ?? null,
    refreshPolicy: str(es.spec?.refreshPolicy) ?? "Periodic",
    refreshInterval: str(es.spec?.refreshInterval) ?? null,
  };
}

/** Who manages the Secret, most specific first (an ExternalSecret wins over the labels of whoever created it). */
export function managerOf(secret: KubeObject, lookups: TargetLookups): Manager {
  const ns = secret.metadata.namespace;
  const labels = secret.metadata.labels ?? {};
  const es = lookups.externalSecrets.find((e) => e.metadata.namespace === ns && targetNameOf(e) === secret.metadata.name);
  if (es) return esoManager(es, lookups);
  if (labels[BACKUP_OF_LABEL]) return { type: "fluxtower", role: "backup", of: labels[BACKUP_OF_LABEL], rotationId: labels[ROTATION_ID_LABEL] ?? null };
  if (labels[STAGED_FOR_LABEL]) return { type: "fluxtower", role: "staged", of: labels[STAGED_FOR_LABEL], rotationId: labels[ROTATION_ID_LABEL] ?? null };
  if (labels[ESO_MANAGED_LABEL] === "true") {
    const owner = secret.metadata.ownerReferences?.find((o) => o.kind === "ExternalSecret");
    return { type: "external-secret", externalSecret: owner?.name ?? "(unknown)", namespace: ns ?? "", store: null, providerType: null, refreshPolicy: "Periodic", refreshInterval: null };
  }
  const hrName = labels["helm.toolkit.fluxcd.io/name"];
  if (hrName) return { type: "helm", release: hrName, namespace: labels["helm.toolkit.fluxcd.io/namespace"] ?? ns ?? "", chart: labels["helm.sh/chart"] ?? labels.chart ?? null };
  if (labels["app.kubernetes.io/managed-by"] === "Helm" || labels.heritage === "Helm") {
    const release = secret.metadata.annotations?.["meta.helm.sh/release-name"] ?? labels.release ?? labels["app.kubernetes.io/instance"] ?? "(unknown)";
    return { type: "helm", release, namespace: secret.metadata.annotations?.["meta.helm.sh/release-namespace"] ?? ns ?? "", chart: labels["helm.sh/chart"] ?? labels.chart ?? null };
  }
  if (labels.owner === "helm" || secret.type === "helm.sh/release.v1") return { type: "helm", release: labels.name ?? "(unknown)", namespace: ns ?? "", chart: null };
  const ksName = labels["kustomize.toolkit.fluxcd.io/name"];
  if (ksName) return { type: "kustomization", name: ksName, namespace: labels["kustomize.toolkit.fluxcd.io/namespace"] ?? "" };
  return { type: "manual" };
}

/** "ExternalSecret airflow/airflow-metadata (ClusterSecretStore onepassword, onepassword)" and the like. */
export function describeManager(m: Manager): string {
  switch (m.type) {
    case "external-secret": {
      const store = m.store ? ` (${m.store.kind} ${m.store.name}${m.providerType ? `, ${m.providerType}` : ""})` : "";
      return `ExternalSecret ${m.namespace}/${m.externalSecret}${store}`;
    }
    case "helm":
      return `HelmRelease ${m.namespace}/${m.release}${m.chart ? ` (chart ${m.chart})` : ""}`;
    case "kustomization":
      return `Kustomization ${m.namespace}/${m.name}`;
    case "fluxtower":
      return `Fluxtower ${m.role === "backup" ? "backup" : "staged value"} of ${m.of}`;
    case "manual":
      return "created by hand";
  }
}

const WORKLOADS: { resource: Consumer["resource"]; restartable: boolean }[] = [
  { resource: "deployments", restartable: true },
  { resource: "statefulsets", restartable: true },
  { resource: "jobs", restartable: false },
  { resource: "pods", restartable: false },
];

/**
 * Workloads in the Secret's namespace whose pod spec reads it. Pods owned by a controller are left out (their
 * Deployment/StatefulSet/Job is listed instead); Jobs owned by a CronJob are listed (CronJobs are not cached).
 */
export function consumersOf(secret: { namespace: string; name: string }, objects: (resource: string) => KubeObject[]): Consumer[] {
  const out: Consumer[] = [];
  for (const w of WORKLOADS) {
    for (const obj of objects(w.resource)) {
      if (obj.metadata.namespace !== secret.namespace) continue;
      if (w.resource === "pods" && (obj.metadata.ownerReferences ?? []).length > 0) continue;
      if (w.resource === "jobs" && str(at(obj.status, "completionTime"))) continue;
      const refs = podSpecRefs(podSpecOf(obj.kind, obj.spec));
      if (refs.some((r) => r.kind === "Secret" && r.name === secret.name)) {
        out.push({ resource: w.resource, kind: obj.kind, namespace: secret.namespace, name: obj.metadata.name, restartable: w.restartable });
      }
    }
  }
  return out.sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
}
