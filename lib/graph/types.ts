// Dependency graph types (DESIGN.md §4). Pure module; the graph is plain JSON (safe to send to the browser).
import type { Verdict } from "../health/types";

/**
 * Edge types. Every edge points in the "depends on / is made of" direction that root-cause walks follow:
 * - `source`         Kustomization → GitRepository/OCIRepository/Bucket; HelmRelease → HelmChart (spec.chart) or
 *                    OCIRepository/HelmChart (spec.chartRef); HelmChart → HelmRepository/GitRepository/Bucket
 * - `dependsOn`      Kustomization/HelmRelease → its spec.dependsOn entries
 * - `applies`        Kustomization → objects it applied (labels or status.inventory)
 * - `manages`        HelmRelease → objects it rendered (labels or status.inventory)
 * - `owns`           owner → owned (ownerReferences; Deployment → ReplicaSet → Pod; selector match as fallback)
 * - `uses-secret`    Pod/workload/Flux source/SecretStore → Secret it reads (env, envFrom, volumes, projected,
 *                    imagePullSecrets, secretRef fields)
 * - `uses-configmap` Pod/workload → ConfigMap it reads
 * - `values-from`    HelmRelease → Secret/ConfigMap in spec.valuesFrom
 * - `values-secret`  Airflow HelmRelease → Secret named in its values (data.metadataSecretName, fernetKeySecretName …)
 * - `synced-by`      Secret → ExternalSecret that writes it (ownerReference, or target name match)
 * - `store`          ExternalSecret/ClusterExternalSecret → SecretStore/ClusterSecretStore
 */
export type EdgeType =
  | "source"
  | "dependsOn"
  | "applies"
  | "manages"
  | "owns"
  | "uses-secret"
  | "uses-configmap"
  | "values-from"
  | "values-secret"
  | "synced-by"
  | "store";

export interface GraphNode {
  /** refKey({ resource, namespace, name }), e.g. "helmreleases/airflow/airflow", "clustersecretstores/_/onepassword". */
  id: string;
  /** Lowercase plural, e.g. "secrets". */
  resource: string;
  kind: string;
  namespace?: string;
  name: string;
  verdict: Verdict;
  /** Referenced by another object but known NOT to exist (its kind is fully listed in the snapshot). */
  missing?: true;
  /** Referenced but not in the snapshot, and the snapshot cannot tell whether it exists (kind not watched, or hidden). */
  unseen?: true;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: EdgeType;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** One step of a root-cause chain. */
export interface Step {
  id: string;
  kind: string;
  namespace?: string;
  name: string;
  status: Verdict["status"];
  reason: string;
  message: string;
  missing?: true;
  /** The edge type that led from the previous step to this one (absent on the first step). */
  via?: EdgeType;
}
