// Builders for the large generator: one settled Airflow-like release (HelmRelease, workloads, running pods) and
// one synced ExternalSecret with its Secret.
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { API_VERSION, inventoryId, R } from "../sim/resources";
import { base64, ownerRefTo } from "../sim/objects";
import { md5Hex, templateHash, valuesDigest } from "../sim/hash";
import { snapshotOf } from "../controllers/helm-release-status";
import { manifestText, writeRecord, type ReleaseRecord } from "../controllers/helm-storage";
import { dataHash, esResourceVersion, CREATED_BY, DATA_HASH, MANAGED_LABEL } from "../controllers/eso-external-secret";
import { deploymentStatus, externalSecretStatus, fluxReady, runningPodStatus, statefulSetStatus } from "./settled";

const COMPONENTS: { name: string; kind: "Deployment" | "StatefulSet" }[] = [
  { name: "scheduler", kind: "Deployment" },
  { name: "api-server", kind: "Deployment" },
  { name: "triggerer", kind: "StatefulSet" },
  { name: "dag-processor", kind: "Deployment" },
];
const CHART = { name: "airflow", version: "1.18.0", appVersion: "3.0.2" };

export function createRelease(
  ctx: SimContext,
  ns: string,
  name: string,
  pods: number,
  workloads: number,
  ks: string | undefined,
  started: string,
): KObject {
  const { store } = ctx;
  const values = {
    executor: "KubernetesExecutor",
    postgresql: { enabled: false },
    data: { metadataSecretName: `${name}-metadata` },
  };
  const labels: Record<string, string> = ks
    ? { "kustomize.toolkit.fluxcd.io/name": ks, "kustomize.toolkit.fluxcd.io/namespace": "flux-system" }
    : {};
  const hr: KObject = {
    apiVersion: API_VERSION.helm,
    kind: "HelmRelease",
    metadata: { name, namespace: ns, labels, finalizers: ["finalizers.fluxcd.io"] },
    spec: {
      interval: "30m",
      chartRef: { kind: "OCIRepository", name: "airflow-chart", namespace: "flux-system" },
      values,
    },
  };
  const entries: { id: string; v: string }[] = [];
  const objects: KObject[] = [];
  const perComponent = COMPONENTS.slice(0, Math.max(1, Math.min(COMPONENTS.length, workloads, pods)));
  for (const [i, c] of perComponent.entries()) {
    const replicas = Math.floor(pods / perComponent.length) + (i < pods % perComponent.length ? 1 : 0);
    const created = createWorkload(ctx, ns, name, c.name, c.kind, replicas, started);
    entries.push(created.entry);
    objects.push(created.object);
  }
  const digest = valuesDigest(values);
  // The Helm release record of the settled release (a small one: the workloads only, no chart defaults).
  const rec: ReleaseRecord = {
    name,
    info: { first_deployed: started, last_deployed: started, description: "Install complete", status: "deployed" },
    chart: { metadata: { apiVersion: "v2", ...CHART }, lock: null, templates: [], values: {}, files: [] },
    config: values,
    manifest: manifestText(
      objects.map((o) => {
        const c = o.metadata.labels?.component ?? "";
        const kind = o.kind === "StatefulSet" && c !== "triggerer" ? "statefulset" : "deployment";
        return { source: `airflow/templates/${c}/${c}-${kind}.yaml`, object: o, omitNamespace: true };
      }),
    ),
    version: 1,
    namespace: ns,
  };
  writeRecord(ctx, rec);
  const snap = snapshotOf(rec, "install");
  const msg = `Helm install succeeded for release ${ns}/${name}.v1 with chart airflow@1.18.0`;
  hr.status = {
    ...fluxReady("InstallSucceeded", msg, [
      {
        type: "Released",
        status: "True",
        observedGeneration: 1,
        lastTransitionTime: started,
        reason: "InstallSucceeded",
        message: msg,
      },
    ]),
    helmChart: "flux-system/airflow-chart",
    history: [snap],
    lastAttemptedConfigDigest: digest,
    lastAttemptedGeneration: 1,
    lastAttemptedReleaseAction: "install",
    lastAttemptedRevision: "1.18.0",
    storageNamespace: ns,
    inventory: { entries: entries.sort((a, b) => (a.id < b.id ? -1 : 1)) },
  };
  return store.create(R.helmreleases, hr, { fieldManager: "kustomize-controller" });
}

function createWorkload(
  ctx: SimContext,
  ns: string,
  release: string,
  component: string,
  kind: "Deployment" | "StatefulSet",
  replicas: number,
  started: string,
): { entry: { id: string; v: string }; object: KObject } {
  const name = `${release}-${component}`;
  const selector = { tier: "airflow", component, release };
  const template = {
    metadata: { labels: { ...selector } },
    spec: {
      restartPolicy: "Always",
      containers: [
        {
          name: component,
          image: "apache/airflow:3.0.2",
          args: ["bash", "-c", `exec airflow ${component === "api-server" ? "api-server" : component}`],
          resources: {},
        },
      ],
    },
  };
  const hash = templateHash(template);
  const metadata = {
    name,
    namespace: ns,
    labels: {
      ...selector,
      "app.kubernetes.io/managed-by": "Helm",
      "helm.toolkit.fluxcd.io/name": release,
      "helm.toolkit.fluxcd.io/namespace": ns,
    },
  };
  const key = kind === "Deployment" ? R.deployments : R.statefulsets;
  const owner = ctx.store.create(
    key,
    {
      apiVersion: "apps/v1",
      kind,
      metadata,
      spec: {
        replicas,
        selector: { matchLabels: selector },
        template,
        ...(kind === "StatefulSet" ? { serviceName: name, updateStrategy: { type: "RollingUpdate" } } : {}),
      },
      status:
        kind === "Deployment" ? deploymentStatus(replicas, hash, name) : statefulSetStatus(replicas, `${name}-${hash}`),
    },
    { fieldManager: "helm-controller" },
  );
  for (let i = 0; i < replicas; i++) {
    const podName = kind === "Deployment" ? `${name}-${hash}-${ctx.rng.suffix(5)}` : `${name}-${i}`;
    const extra: Record<string, string> =
      kind === "Deployment"
        ? { "pod-template-hash": hash }
        : { "controller-revision-hash": `${name}-${hash}`, "statefulset.kubernetes.io/pod-name": podName };
    const pod: KObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: podName,
        namespace: ns,
        labels: { ...selector, ...extra },
        ownerReferences: [ownerRefTo(owner)],
      },
      spec: {
        ...structuredClone(template.spec),
        nodeName: ctx.rng.pick(["demo-worker", "demo-worker2", "demo-worker3"]),
        serviceAccountName: "default",
      },
    };
    pod.status = runningPodStatus(
      pod,
      `10.${64 + ctx.rng.int(64)}.${ctx.rng.int(256)}.${1 + ctx.rng.int(254)}`,
      started,
    );
    ctx.store.create(R.pods, pod, { fieldManager: "kube-controller-manager" });
  }
  return {
    entry: { id: inventoryId(ns, name, "apps", kind), v: "v1" },
    object: { apiVersion: "apps/v1", kind, metadata, spec: owner.spec },
  };
}

export function createExternalSecret(ctx: SimContext, ns: string, name: string, i: number): void {
  const item = `${ns}-${name}`;
  const password = ctx.rng.alnum(24);
  ctx.vault.set("onepassword", item, { username: `svc-${i}`, password });
  const es: KObject = {
    apiVersion: API_VERSION.eso,
    kind: "ExternalSecret",
    metadata: { name, namespace: ns },
    spec: {
      refreshInterval: "1h",
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword" },
      target: { name, creationPolicy: "Owner" },
      dataFrom: [{ extract: { key: item } }],
    },
  };
  es.status = externalSecretStatus(name, esResourceVersion(es));
  const created = ctx.store.create(R.externalsecrets, es, { fieldManager: "kustomize-controller" });
  const data = { password: base64(password), username: base64(`svc-${i}`) };
  ctx.store.create(
    R.secrets,
    {
      apiVersion: "v1",
      kind: "Secret",
      type: "Opaque",
      metadata: {
        name,
        namespace: ns,
        labels: { [MANAGED_LABEL]: "true", [CREATED_BY]: md5Hex(`${ns}/${name}`) },
        annotations: { [DATA_HASH]: dataHash(data) },
        ownerReferences: [ownerRefTo(created)],
      },
      data,
    },
    { fieldManager: `externalsecrets.external-secrets.io/${name}` },
  );
}
