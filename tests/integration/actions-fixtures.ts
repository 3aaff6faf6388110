// Fixture objects for the action tests, created in a fresh namespace so the tests do not depend on the scenario.
import { randomBytes } from "node:crypto";
import { demoControl } from "./harness";
import { create, kube, type KObject } from "./actions-helpers";

export interface Fixtures {
  ns: string;
  vault: string;
  paths: Record<string, string>;
}

const flux = (group: string, version: string) => `/apis/${group}/${version}`;
const SRC = flux("source.toolkit.fluxcd.io", "v1");
const KS = flux("kustomize.toolkit.fluxcd.io", "v1");
const HR = flux("helm.toolkit.fluxcd.io", "v2");
const ESO = flux("external-secrets.io", "v1");

function meta(name: string, ns: string, extra: Record<string, unknown> = {}) {
  return { name, namespace: ns, ...extra };
}

function deployment(name: string, ns: string): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: meta(name, ns),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
    },
  };
}

function statefulSet(name: string, ns: string, strategy: "RollingUpdate" | "OnDelete"): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: meta(name, ns),
    spec: {
      replicas: 2,
      serviceName: name,
      updateStrategy: { type: strategy },
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "db", image: "postgres:16" }] } },
    },
  };
}

function externalSecret(name: string, ns: string, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: meta(name, ns),
    spec: {
      refreshInterval: "1h",
      secretStoreRef: { kind: "SecretStore", name: "vault" },
      target: { name, creationPolicy: "Owner" },
      data: [{ secretKey: "password", remoteRef: { key: "db", property: "password" } }],
      ...spec,
    },
  };
}

/** A namespace with Flux sources, a Kustomization, a HelmRelease, ESO objects and workloads. */
export async function createFixtures(): Promise<Fixtures> {
  const ns = `act-${randomBytes(3).toString("hex")}`;
  const vault = `vault-${ns}`;
  await create("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  const put = await demoControl(`/__demo/vault/${vault}/db`, { method: "PUT", body: JSON.stringify({ fields: { password: "s3cret" } }) });
  if (!put.ok) throw new Error(`vault item: ${put.status} ${await put.text()}`);

  await create(`${SRC}/namespaces/${ns}/gitrepositories`, { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "GitRepository", metadata: meta("repo", ns), spec: { url: "https://github.com/acme/platform", interval: "10m", ref: { branch: "main" } } });
  await create(`${KS}/namespaces/${ns}/kustomizations`, { apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", metadata: meta("app", ns), spec: { interval: "10m", path: "./apps", prune: true, sourceRef: { kind: "GitRepository", name: "repo" } } });
  await create(`${SRC}/namespaces/${ns}/helmrepositories`, { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "HelmRepository", metadata: meta("charts", ns), spec: { url: "https://stefanprodan.github.io/podinfo", interval: "1h" } });
  await create(`${SRC}/namespaces/${ns}/helmrepositories`, { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "HelmRepository", metadata: meta("oci", ns), spec: { type: "oci", url: "oci://ghcr.io/stefanprodan/charts", interval: "1h" } });
  for (const name of ["podinfo", "web"]) {
    await create(`${HR}/namespaces/${ns}/helmreleases`, {
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      metadata: meta(name, ns),
      spec: {
        interval: "10m",
        chart: { spec: { chart: "podinfo", version: "6.7.1", sourceRef: { kind: "HelmRepository", name: "charts" } } },
        install: { remediation: { retries: 1 } },
        values: { replicaCount: 1 },
      },
    });
  }
  await create(`/api/v1/namespaces/${ns}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: meta("connect-token", ns), data: { token: Buffer.from("t").toString("base64") } } as KObject);
  await create(`${ESO}/namespaces/${ns}/secretstores`, {
    apiVersion: "external-secrets.io/v1",
    kind: "SecretStore",
    metadata: meta("vault", ns, { annotations: { "democluster.fluxtower.dev/vault": vault } }),
    spec: { provider: { onepassword: { connectHost: "http://onepassword-connect:8080", vaults: { platform: 1 }, auth: { secretRef: { connectTokenSecretRef: { name: "connect-token", key: "token" } } } } } },
  });
  await create(`${ESO}/namespaces/${ns}/externalsecrets`, externalSecret("db", ns));
  await create(`${ESO}/namespaces/${ns}/externalsecrets`, externalSecret("once", ns, { refreshPolicy: "CreatedOnce" }));
  await create(`/apis/apps/v1/namespaces/${ns}/deployments`, deployment("web", ns));
  await create(`/apis/apps/v1/namespaces/${ns}/statefulsets`, statefulSet("db", ns, "RollingUpdate"));
  await create(`/apis/apps/v1/namespaces/${ns}/statefulsets`, statefulSet("ondelete", ns, "OnDelete"));

  return {
    ns,
    vault,
    paths: {
      repo: `${SRC}/namespaces/${ns}/gitrepositories/repo`,
      ks: `${KS}/namespaces/${ns}/kustomizations/app`,
      charts: `${SRC}/namespaces/${ns}/helmrepositories/charts`,
      oci: `${SRC}/namespaces/${ns}/helmrepositories/oci`,
      hr: `${HR}/namespaces/${ns}/helmreleases/podinfo`,
      hr2: `${HR}/namespaces/${ns}/helmreleases/web`,
      chart: `${SRC}/namespaces/${ns}/helmcharts/${ns}-podinfo`,
      es: `${ESO}/namespaces/${ns}/externalsecrets/db`,
      once: `${ESO}/namespaces/${ns}/externalsecrets/once`,
      deploy: `/apis/apps/v1/namespaces/${ns}/deployments/web`,
      sts: `/apis/apps/v1/namespaces/${ns}/statefulsets/db`,
      ondelete: `/apis/apps/v1/namespaces/${ns}/statefulsets/ondelete`,
    },
  };
}

export async function deleteFixtures(f: Fixtures): Promise<void> {
  await kube("DELETE", `/api/v1/namespaces/${f.ns}`);
}
