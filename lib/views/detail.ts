// Response shapes of the detail and overview endpoints (shared by route handlers and UI). Pure types + helpers.
import type { HealthStatus, SuspendInfo, Verdict } from "@/lib/health";
import type { Condition, KubeObject } from "@/lib/kinds/object";
import type { ResourceSummary } from "./summary";

export interface GraphNodeView {
  id: string; // "<resource>/<namespace|_>/<name>"
  resource: string;
  kind: string;
  namespace: string | null;
  name: string;
  health: HealthStatus;
  reason: string;
  message: string;
  missing: boolean; // referenced but absent (e.g. a Secret a pod needs)
  focus: boolean; // the object the page is about
}

export interface GraphEdgeView {
  from: string;
  to: string;
  type: string; // source | dependsOn | applies | manages | owns | uses-secret | values-from | synced-by | store | …
}

export interface RootCauseStep {
  id: string;
  resource: string;
  kind: string;
  namespace: string | null;
  name: string;
  status: HealthStatus | "Missing";
  reason: string;
  message: string;
}

export interface EventView {
  type: string; // Normal | Warning
  reason: string;
  message: string;
  count: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  source: string;
  involved: { kind: string; namespace: string | null; name: string };
}

export interface HelmReleaseDetail {
  chart: string | null;
  chartVersion: string | null;
  failures: { failures: number; installFailures: number; upgradeFailures: number };
  history: Record<string, unknown>[];
  /** valuesFrom merged in order, then spec.values; values read from Secrets are replaced by "••••••". */
  values: Record<string, unknown>;
  valuesSources: { kind: string; name: string; key: string; found: boolean; masked: boolean }[];
  inventory: string[];
  /** Helm's own release records (Secrets sh.helm.release.v1.<release>.v<N>): what Helm deployed, revision by revision. */
  helm: HelmRecordsView;
}

export interface HelmRevisionView {
  revision: number;
  status: string;
  chartVersion: string;
  appVersion: string | null;
  description: string;
  firstDeployed: string | null;
  lastDeployed: string | null;
}

export interface HelmRecordsView {
  source: "helm-record" | "none";
  releaseName: string;
  storageNamespace: string;
  /** Why the records could not be read (never a value). */
  error: string | null;
  /** Newest first. */
  revisions: HelmRevisionView[];
  /** What the HelmRelease asks for that Helm has not applied, in words. */
  pending: string[];
}

export interface KustomizationDetail {
  lastAppliedRevision: string | null;
  lastAttemptedRevision: string | null;
  inventory: string[];
}

export interface ExternalSecretDetail {
  store: { kind: string; name: string } | null;
  targetSecret: string;
  refreshPolicy: string;
  refreshInterval: string;
  refreshTime: string | null;
  secretKeys: string[] | null; // null when the Secret does not exist (or is not visible)
  remoteRefs: { secretKey: string; key: string; property: string | null }[];
}

export interface ResourceDetail {
  cluster: string;
  object: KubeObject; // Secret data removed, last-applied removed
  summary: ResourceSummary;
  health: Verdict;
  conditions: Condition[];
  suspend: SuspendInfo | null;
  graph: { nodes: GraphNodeView[]; edges: GraphEdgeView[] };
  rootCause: RootCauseStep[];
  events: EventView[];
  pods: ResourceSummary[];
  helmRelease?: HelmReleaseDetail;
  kustomization?: KustomizationDetail;
  externalSecret?: ExternalSecretDetail;
}

export interface OverviewCluster {
  id: string;
  name: string;
  status: "connected" | "stale" | "error";
  staleSince: string | null;
  lastSyncAt: string | null;
  message: string;
  counts: Record<string, Record<HealthStatus, number>>; // resource → status → count
  attention: { summary: ResourceSummary; rootCause: RootCauseStep[] }[];
  warnings: EventView[];
}

export interface OverviewResponse {
  clusters: OverviewCluster[];
}

/** The app path of an object's detail page (its deep link). */
export function detailHref(cluster: string, resource: string, namespace: string | null, name: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/${resource}/${namespace ?? "_"}/${encodeURIComponent(name)}`;
}
