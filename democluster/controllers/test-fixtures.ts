// Manifests the controller tests build on (an empty scenario plus these).
import type { KObject } from "../store/types";

export function ns(name: string): KObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
}

export function gitRepository(
  name: string,
  namespace = "flux-system",
  extra: Record<string, unknown> = {},
  annotations?: Record<string, string>,
): KObject {
  return {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "GitRepository",
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec: { interval: "1m0s", url: `ssh://git@github.com/acme/${name}`, ref: { branch: "main" }, ...extra },
  };
}

export function helmRepository(name = "apache-airflow", extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "HelmRepository",
    metadata: { name, namespace: "flux-system" },
    spec: { interval: "12h", url: "https://airflow.apache.org", ...extra },
  };
}

export function kustomization(
  name: string,
  spec: Record<string, unknown>,
  namespace = "flux-system",
  annotations?: Record<string, string>,
): KObject {
  return {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec: {
      interval: "10m0s",
      prune: true,
      path: `./${name}`,
      sourceRef: { kind: "GitRepository", name: "flux-system" },
      ...spec,
    },
  };
}

export function airflowRelease(
  name: string,
  namespace: string,
  values: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): KObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name, namespace },
    spec: {
      interval: "30m",
      timeout: "5m",
      chart: {
        spec: {
          chart: "airflow",
          version: "1.18.x",
          sourceRef: { kind: "HelmRepository", name: "apache-airflow", namespace: "flux-system" },
        },
      },
      values,
      ...spec,
    },
  };
}

/** Airflow 3 values referencing external secrets by name (KubernetesExecutor, external DB). */
export function airflowValues(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    airflowVersion: "3.0.2",
    executor: "KubernetesExecutor",
    postgresql: { enabled: false },
    data: { metadataSecretName: "airflow-metadata" },
    fernetKeySecretName: "airflow-fernet-key",
    apiSecretKeySecretName: "airflow-api-secret",
    jwtSecretName: "airflow-jwt-secret",
    ...extra,
  };
}

export function opaqueSecret(name: string, namespace: string, data: Record<string, string>): KObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    type: "Opaque",
    metadata: { name, namespace },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString("base64")])),
  };
}

export const FERNET = "Sl9Qco7Ft-7ZV6b4vJAhAp0cFYLTyufRg3jNp3ydQyg=";

/** The Secrets an Airflow 3 release with airflowValues() needs. */
export function airflowSecrets(namespace: string, opts: { metadata?: boolean } = {}): KObject[] {
  const out = [
    opaqueSecret("airflow-fernet-key", namespace, { "fernet-key": FERNET }),
    opaqueSecret("airflow-api-secret", namespace, { "api-secret-key": "cf464dc6c424db35f28e27577f371e4f" }),
    opaqueSecret("airflow-jwt-secret", namespace, { "jwt-secret": "5ec861cad39c9913282d56adc0b3a4f9" }),
  ];
  if (opts.metadata !== false) out.push(metadataSecret(namespace));
  return out;
}

export function metadataSecret(
  namespace: string,
  url = "postgresql://airflow:pw@db.example.internal:5432/airflow?sslmode=require",
): KObject {
  return opaqueSecret("airflow-metadata", namespace, { connection: url });
}

/** The namespace and 1Password Connect token Secret clusterSecretStore()'s `auth` refers to. */
export function onePasswordConnectToken(): KObject[] {
  return [ns("external-secrets"), opaqueSecret("onepassword-connect-token", "external-secrets", { token: "demo-token" })];
}

export function clusterSecretStore(name = "onepassword", annotations?: Record<string, string>): KObject {
  return {
    apiVersion: "external-secrets.io/v1",
    kind: "ClusterSecretStore",
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec: {
      provider: {
        // `auth` is required by the real CRD (external-secrets.io_clustersecretstores.yaml, OnePasswordProvider).
        onepassword: {
          connectHost: "http://onepassword-connect:8080",
          vaults: { production: 1 },
          auth: {
            secretRef: {
              connectTokenSecretRef: { name: "onepassword-connect-token", key: "token", namespace: "external-secrets" },
            },
          },
        },
      },
    },
  };
}

export function externalSecret(name: string, namespace: string, spec: Record<string, unknown>): KObject {
  return {
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: { name, namespace },
    spec: { refreshInterval: "1h", secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword" }, ...spec },
  };
}
