// Builders shared by the chart renderers: metadata with Helm/Flux labels, Deployments, StatefulSets, Services, PDBs.
import type { KObject } from "../store/types";
import type { JsonMap } from "../sim/objects";

export interface ReleaseRef {
  release: string;
  namespace: string; // target namespace
  hrName: string;
  hrNamespace: string;
}

export interface Rendered {
  /** Release objects (recorded in the inventory and the release manifest). */
  manifests: KObject[];
  /** Hook objects: "pre" are created only when missing; "post" Jobs run after the release objects. */
  preHooks: KObject[];
  postHooks: KObject[];
}

export function meta(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
): KObject["metadata"] {
  return {
    name,
    namespace: ref.namespace,
    labels: {
      ...labels,
      "app.kubernetes.io/managed-by": "Helm",
      "helm.toolkit.fluxcd.io/name": ref.hrName,
      "helm.toolkit.fluxcd.io/namespace": ref.hrNamespace,
    },
    annotations: {
      ...annotations,
      "meta.helm.sh/release-name": ref.release,
      "meta.helm.sh/release-namespace": ref.namespace,
    },
  };
}

export interface PodTemplate {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  spec: JsonMap;
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
      template: {
        metadata: { labels: pod.labels, ...(pod.annotations ? { annotations: pod.annotations } : {}) },
        spec: pod.spec,
      },
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
      template: {
        metadata: { labels: pod.labels, ...(pod.annotations ? { annotations: pod.annotations } : {}) },
        spec: pod.spec,
      },
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

export function pdb(
  ref: ReleaseRef,
  name: string,
  labels: Record<string, string>,
  selector: Record<string, string>,
  config: JsonMap,
): KObject {
  const spec: JsonMap = { selector: { matchLabels: selector } };
  if (config.minAvailable !== undefined) spec.minAvailable = config.minAvailable;
  else spec.maxUnavailable = config.maxUnavailable ?? 1;
  return { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta(ref, name, labels), spec };
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
