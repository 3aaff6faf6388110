// The Kubernetes objects a Helm release owns, from its record: the manifest's objects and the hooks. Pure.
import type { HelmReleaseRecord, ManifestObject } from "./release-record";

export interface OwnedObject {
  kind: string;
  apiVersion: string;
  /** The object's namespace: its own `metadata.namespace`, else the release namespace; undefined for cluster-scoped kinds. */
  namespace?: string;
  name: string;
  /** Hook events (`pre-install`, `post-upgrade`, …) when the object is a hook; absent for manifest objects. */
  hook?: string[];
  /** The hook's delete policies (`before-hook-creation`, `hook-succeeded`, …): a deleted hook object is expected then. */
  hookDeletePolicies?: string[];
  /** Template that rendered it, e.g. `airflow/templates/secrets/metadata-connection-secret.yaml`. */
  template?: string;
}

/** Built-in cluster-scoped kinds a chart may render (Helm installs them without a namespace). */
const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "StorageClass",
  "PriorityClass",
  "IngressClass",
  "RuntimeClass",
  "CSIDriver",
  "ValidatingWebhookConfiguration",
  "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "APIService",
  "SecurityContextConstraints",
  "ClusterIssuer",
  "ClusterSecretStore",
  "ClusterExternalSecret",
]);

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function identity(o: ManifestObject, releaseNamespace: string): Omit<OwnedObject, "hook" | "template"> | undefined {
  const meta = (o.metadata ?? {}) as Record<string, unknown>;
  const kind = str(o.kind);
  const apiVersion = str(o.apiVersion);
  const name = str(meta.name);
  if (!kind || !apiVersion || !name) return undefined;
  const namespace = CLUSTER_SCOPED.has(kind) ? undefined : (str(meta.namespace) ?? (releaseNamespace || undefined));
  return { kind, apiVersion, namespace, name };
}

/**
 * Every object the release owns: manifest objects first (in manifest order), then hooks. `isClusterScoped` can
 * override the built-in kind list (e.g. from API discovery); objects without kind, apiVersion or name are skipped.
 */
export function ownedObjects(
  record: HelmReleaseRecord,
  isClusterScoped?: (apiVersion: string, kind: string) => boolean | undefined,
): OwnedObject[] {
  const out: OwnedObject[] = [];
  const scoped = (o: OwnedObject): OwnedObject => {
    const cluster = isClusterScoped?.(o.apiVersion, o.kind);
    if (cluster === true) return { ...o, namespace: undefined };
    if (cluster === false && !o.namespace) return { ...o, namespace: record.namespace || undefined };
    return o;
  };
  record.manifestObjects.forEach((o, i) => {
    const id = identity(o, record.namespace);
    if (id) out.push(scoped({ ...id, template: record.manifestSources[i] || undefined }));
  });
  for (const h of record.hooks) {
    const id = h.object ? identity(h.object, record.namespace) : undefined;
    const base = id ?? (h.kind && h.name ? { kind: h.kind, apiVersion: "", namespace: record.namespace || undefined, name: h.name } : undefined);
    if (!base) continue;
    out.push(scoped({ ...base, hook: [...h.events], hookDeletePolicies: [...h.deletePolicies], template: h.path || undefined }));
  }
  return out;
}
