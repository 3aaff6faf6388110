// Helm's release storage (helm pkg/storage/driver/secrets.go, pkg/release/v1): one Secret per revision,
// "sh.helm.release.v1.<release>.v<version>", type helm.sh/release.v1, labels owner=helm, name, status, version,
// modifiedAt; data.release = base64(gzip(JSON release)) (the API shows that base64 once more). The JSON carries
// Helm's field names: name, info{first_deployed,last_deployed,description,status}, chart{metadata,…}, config (the
// user-supplied values), manifest (non-hook objects, "---\n# Source: <path>\n<yaml>\n", in Helm's install order)
// and hooks [{name,kind,path,manifest,events,last_run,weight,delete_policies}].
import { gunzipSync, gzipSync } from "node:zlib";
import { stringify as yamlStringify } from "yaml";
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { StatusError } from "../store/errors";
import { asMap, asString, type JsonMap } from "../sim/objects";
import { chartMetadata, type ChartVersion } from "./chart-catalog";
import { airflowDefaultValues, hasVendoredAirflowChart } from "./airflow-chart-files";
import type { Rendered, RenderedObject } from "./chart-objects";

const MANAGER = "helm-controller";

export type ReleaseStatus =
  | "unknown"
  | "deployed"
  | "uninstalled"
  | "superseded"
  | "failed"
  | "uninstalling"
  | "pending-install"
  | "pending-upgrade"
  | "pending-rollback";

export interface HookExecution {
  started_at?: string;
  completed_at?: string;
  phase: "" | "Unknown" | "Running" | "Succeeded" | "Failed";
}

export interface HookRecord {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: string[];
  last_run: HookExecution;
  weight?: number;
  delete_policies?: string[];
}

export interface ReleaseRecord {
  name: string;
  info: { first_deployed: string; last_deployed: string; description: string; status: ReleaseStatus };
  chart: { metadata: JsonMap; lock: null; templates: []; values: JsonMap; files: [] };
  config?: JsonMap;
  manifest: string;
  hooks?: HookRecord[];
  version: number;
  namespace: string;
}

/** Helm's InstallOrder (pkg/release/v1/util/kind_sorter.go), the kinds a chart here can render. */
const INSTALL_ORDER = [
  "PriorityClass",
  "Namespace",
  "NetworkPolicy",
  "ResourceQuota",
  "LimitRange",
  "PodSecurityPolicy",
  "PodDisruptionBudget",
  "ServiceAccount",
  "Secret",
  "SecretList",
  "ConfigMap",
  "StorageClass",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "CustomResourceDefinition",
  "ClusterRole",
  "ClusterRoleList",
  "ClusterRoleBinding",
  "ClusterRoleBindingList",
  "Role",
  "RoleList",
  "RoleBinding",
  "RoleBindingList",
  "Service",
  "DaemonSet",
  "Pod",
  "ReplicationController",
  "ReplicaSet",
  "Deployment",
  "HorizontalPodAutoscaler",
  "StatefulSet",
  "Job",
  "CronJob",
  "IngressClass",
  "Ingress",
  "APIService",
  "MutatingWebhookConfiguration",
  "ValidatingWebhookConfiguration",
];

function byInstallOrder(a: RenderedObject, b: RenderedObject): number {
  const ia = INSTALL_ORDER.indexOf(a.object.kind);
  const ib = INSTALL_ORDER.indexOf(b.object.kind);
  const ka = ia < 0 ? INSTALL_ORDER.length : ia;
  const kb = ib < 0 ? INSTALL_ORDER.length : ib;
  if (ka !== kb) return ka - kb;
  if (ia < 0 && a.object.kind !== b.object.kind) return a.object.kind < b.object.kind ? -1 : 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

function content(o: RenderedObject): string {
  const obj = o.omitNamespace ? { ...o.object, metadata: { ...o.object.metadata, namespace: undefined } } : o.object;
  return yamlStringify(obj, { lineWidth: 0 }).trimEnd();
}

export function manifestText(objects: RenderedObject[]): string {
  return [...objects]
    .sort(byInstallOrder)
    .map((o) => `---\n# Source: ${o.source}\n${content(o)}\n`)
    .join("");
}

/** A hook as Helm records it, parsed from its `helm.sh/hook*` annotations (pkg/release/v1/util/manifest_sorter.go). */
export function hookRecord(o: RenderedObject, lastRun: HookExecution = { phase: "" }): HookRecord {
  const ann = o.object.metadata.annotations ?? {};
  const split = (v: string | undefined) =>
    (v ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  const rec: HookRecord = {
    name: o.object.metadata.name,
    kind: o.object.kind,
    path: o.source,
    manifest: content(o),
    events: split(ann["helm.sh/hook"]),
    last_run: lastRun,
  };
  const weight = Number(ann["helm.sh/hook-weight"] ?? 0) || 0;
  if (weight) rec.weight = weight;
  const policies = split(ann["helm.sh/hook-delete-policy"]);
  if (policies.length) rec.delete_policies = policies;
  return rec;
}

export function sortHooks(hooks: RenderedObject[]): RenderedObject[] {
  return [...hooks].sort(byInstallOrder);
}

export function buildRecord(p: {
  release: string;
  namespace: string;
  version: number;
  status: ReleaseStatus;
  description: string;
  chart: ChartVersion;
  config: JsonMap;
  rendered: Rendered;
  firstDeployed: string;
  lastDeployed: string;
}): ReleaseRecord {
  const rec: ReleaseRecord = {
    name: p.release,
    info: {
      first_deployed: p.firstDeployed,
      last_deployed: p.lastDeployed,
      description: p.description,
      status: p.status,
    },
    chart: {
      metadata: chartMetadata(p.chart) as unknown as JsonMap,
      lock: null,
      templates: [],
      values:
        p.chart.name === "airflow" && hasVendoredAirflowChart(p.chart.version)
          ? airflowDefaultValues(p.chart.version)
          : {},
      files: [],
    },
    manifest: manifestText(p.rendered.manifests),
    version: p.version,
    namespace: p.namespace,
  };
  if (Object.keys(p.config).length) rec.config = p.config;
  const hooks = sortHooks(p.rendered.hooks).map((h) => hookRecord(h));
  if (hooks.length) rec.hooks = hooks;
  return rec;
}

export function storageName(release: string, version: number): string {
  return `sh.helm.release.v1.${release}.v${version}`;
}

/** What helm's secrets driver puts in data.release before the API's own base64: base64(gzip(json)). */
export function encodeRelease(rec: ReleaseRecord): string {
  return gzipSync(Buffer.from(JSON.stringify(rec))).toString("base64");
}

export function decodeRelease(helmEncoded: string): ReleaseRecord {
  return JSON.parse(gunzipSync(Buffer.from(helmEncoded, "base64")).toString("utf8")) as ReleaseRecord;
}

/** Creates (label createdAt) or updates (label modifiedAt, replacing the labels) a revision's storage Secret. */
export function writeRecord(ctx: SimContext, rec: ReleaseRecord): void {
  const name = storageName(rec.name, rec.version);
  const existing = ctx.store.get(R.secrets, rec.namespace, name);
  const now = String(Math.floor(Date.now() / 1000));
  const secret: KObject = {
    apiVersion: "v1",
    kind: "Secret",
    type: "helm.sh/release.v1",
    metadata: {
      name,
      namespace: rec.namespace,
      labels: {
        ...(existing ? { modifiedAt: now } : { createdAt: now }),
        name: rec.name,
        owner: "helm",
        status: rec.info.status,
        version: String(rec.version),
      },
    },
    data: { release: Buffer.from(encodeRelease(rec)).toString("base64") },
  };
  if (existing)
    ctx.store.update(
      R.secrets,
      { ...secret, metadata: { ...existing.metadata, labels: secret.metadata.labels } },
      { fieldManager: MANAGER },
    );
  else ctx.store.create(R.secrets, secret, { fieldManager: MANAGER });
}

export function readRecord(
  ctx: SimContext,
  namespace: string,
  release: string,
  version: number,
): ReleaseRecord | undefined {
  const s = ctx.store.get(R.secrets, namespace, storageName(release, version));
  const data = asString(asMap(s?.data)?.release);
  return data ? decodeRelease(Buffer.from(data, "base64").toString("utf8")) : undefined;
}

/** Changes a stored revision's status (and description when given), as Helm's recordRelease does. */
export function setRecordStatus(
  ctx: SimContext,
  namespace: string,
  release: string,
  version: number,
  status: ReleaseStatus,
  description?: string,
): void {
  const rec = readRecord(ctx, namespace, release, version);
  if (!rec) return;
  rec.info.status = status;
  if (description !== undefined) rec.info.description = description;
  writeRecord(ctx, rec);
}

/** Revisions of a release in storage, newest first. */
export function storedRevisions(
  ctx: SimContext,
  namespace: string,
  release: string,
): { version: number; status: string }[] {
  return ctx.store
    .list(R.secrets, namespace)
    .filter((s) => s.metadata.labels?.owner === "helm" && s.metadata.labels?.name === release)
    .map((s) => ({ version: Number(s.metadata.labels?.version) || 0, status: s.metadata.labels?.status ?? "" }))
    .sort((a, b) => b.version - a.version);
}

export function deleteReleases(ctx: SimContext, namespace: string, release: string): void {
  for (const s of ctx.store.list(R.secrets, namespace)) {
    if (s.metadata.labels?.owner !== "helm" || s.metadata.labels?.name !== release) continue;
    try {
      ctx.store.delete(R.secrets, namespace, s.metadata.name);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}
