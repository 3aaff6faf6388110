// Builders shared by the chart renderers (Deployments, StatefulSets, Services, PDBs, Secrets) and the shape of a
// rendered chart: every object with the template it came from, hooks apart from the release manifest like Helm
// keeps them. Objects carry only what the templates write; helm-render.ts adds Flux's post-renderer labels and
// helm-release-action.ts Helm's ownership metadata when it applies the manifest.
import type { KObject } from "../store/types";
import type { JsonMap } from "../sim/objects";
import type { Rng } from "../sim/random";

export interface ReleaseRef {
  release: string;
  namespace: string; // target namespace
  hrName: string;
  hrNamespace: string;
}

export interface RenderedObject {
  /** Template path as Helm names it in `# Source:` ("airflow/templates/scheduler/scheduler-deployment.yaml"). */
  source: string;
  object: KObject;
  /** The template writes no metadata.namespace (Helm sets the release namespace when it applies the object), so
   *  the record's manifest has none either. */
  omitNamespace?: boolean;
}

export interface Rendered {
  /** The release manifest (what Helm applies, tracks and prunes). */
  manifests: RenderedObject[];
  /** Objects annotated `helm.sh/hook`: created when their event runs, kept in the record's `hooks`. */
  hooks: RenderedObject[];
}

export interface SecretValueSource {
  /** Current value of a key of an existing Secret (for charts that keep a generated value with `lookup`). */
  existing(name: string, key: string): string | undefined;
  rng: Rng;
}

/** Splits objects into manifest and hooks by the `helm.sh/hook` annotation (Helm's releaseutil.SortManifests). */
export function splitHooks(objects: RenderedObject[]): Rendered {
  const isHook = (o: RenderedObject) => Boolean(o.object.metadata.annotations?.["helm.sh/hook"]);
  return { manifests: objects.filter((o) => !isHook(o)), hooks: objects.filter(isHook) };
}

export function meta(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
): KObject["metadata"] {
  const m: KObject["metadata"] = { name, namespace: ref.namespace, labels: { ...labels } };
  if (Object.keys(annotations).length) m.annotations = { ...annotations };
  return m;
}

export interface PodTemplate {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  spec: JsonMap;
}

function template(pod: PodTemplate): JsonMap {
  return {
    metadata: { labels: pod.labels, ...(pod.annotations ? { annotations: pod.annotations } : {}) },
    spec: pod.spec,
  };
}

export function deployment(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
  replicas: number,
  pod: PodTemplate,
  strategy?: JsonMap,
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: meta(ref, name, labels),
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: selector },
      strategy: strategy ?? { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      progressDeadlineSeconds: 600,
      template: template(pod),
    },
  };
}

export function statefulSet(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
  replicas: number,
  pod: PodTemplate,
  extra: JsonMap = {},
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: meta(ref, name, labels),
    spec: {
      replicas,
      serviceName: name,
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      selector: { matchLabels: selector },
      template: template(pod),
      ...extra,
    },
  };
}

export function service(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
  ports: { name: string; port: number; protocol?: string }[],
  headless = false,
): KObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta(ref, name, labels),
    spec: {
      type: "ClusterIP",
      ...(headless ? { clusterIP: "None" } : {}),
      selector,
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.port, protocol: p.protocol ?? "TCP" })),
    },
  };
}

/** A PodDisruptionBudget whose spec is the chart's `podDisruptionBudget.config` plus the selector. */
export function pdb(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
  config: JsonMap,
): KObject {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: meta(ref, name, labels),
    spec: { selector: { matchLabels: selector }, ...config },
  };
}

export function serviceAccount(ref: ReleaseRef, name: string, labels: Record<string, string>): KObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: meta(ref, name, labels) };
}

export function opaqueSecret(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  data: Record<string, string>,
  annotations: Record<string, string> = {},
): KObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    type: "Opaque",
    metadata: meta(ref, name, labels, annotations),
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, "utf8").toString("base64")])),
  };
}

export function secretEnv(name: string, secret: string, key: string): JsonMap {
  return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
}
