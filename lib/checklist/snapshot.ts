// The snapshot the checklist evaluator reads for one Airflow HelmRelease, and the one place Secret values are read.

import type { KubeObject, OwnerRef } from "../kinds/object";
import { parseConnectionUrl, type ConnectionFacts } from "./connection-url";
import type { HelmDeployedFacts } from "./helm-facts";

/**
 * A ConfigMap or Secret named in `spec.valuesFrom`. `data` is the ConfigMap data or, server-side only,
 * the decoded Secret data. An absent entry or `data: undefined` means the object was not found.
 */
export interface ValuesFromSource {
  kind: "ConfigMap" | "Secret" | string;
  name: string;
  /** Informational: the key the caller fetched; the evaluator uses `spec.valuesFrom[].valuesKey`. */
  key?: string;
  data?: Record<string, string>;
  resourceVersion?: string;
}

/** A Secret's metadata, key names and server-derived facts. Never carries a value. */
export interface SecretFacts {
  name: string;
  namespace?: string;
  type?: string;
  keys: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ownerRefs: OwnerRef[];
  resourceVersion?: string;
  immutable?: boolean;
  /** True when values were decoded to derive the facts below. */
  decoded: boolean;
  /** From key `connection` (metadata/result-backend/stats secrets): host, driver, TLS mode. */
  connection?: ConnectionFacts;
  connectionRequiresTls?: boolean;
  /** From key `fernet-key`: every comma-separated key is URL-safe base64 of 32 bytes. */
  fernetKeyWellFormed?: boolean;
  /** From key `gitSshKey`: looks like a PEM/OpenSSH private key. */
  sshKeyWellFormed?: boolean;
}

/** Health of a Flux object related to the release, computed elsewhere (lib/health). */
export interface FluxObjectFact {
  kind: string;
  namespace: string;
  name: string;
  verdictStatus: string;
  message: string;
  /** Source: `status.artifact.revision`; Kustomization: `lastAppliedRevision`; HelmRelease: `lastAttemptedRevision`. */
  revision?: string;
  resourceVersion?: string;
  /** The object itself when available (used for chartRef version pinning). */
  object?: KubeObject;
}

/** Everything the evaluator needs for one Airflow HelmRelease. */
export interface ChecklistSnapshot {
  release: KubeObject;
  valuesFromSources: ValuesFromSource[];
  secrets: SecretFacts[];
  /** Deployments/StatefulSets labelled `tier=airflow, release=<release>`. */
  workloads: KubeObject[];
  pods: KubeObject[];
  pdbs: KubeObject[];
  services: KubeObject[];
  /** The release's ConfigMaps labelled `tier=airflow`; includes the chart's `<fullname>-config`. */
  configMaps: KubeObject[];
  externalSecrets: KubeObject[];
  /** SecretStores and ClusterSecretStores. */
  stores: KubeObject[];
  fluxObjects: FluxObjectFact[];
  now: string;
  /**
   * What Helm's release record says is deployed. Absent or `source` other than `helm-record`: the checklist judges
   * the HelmRelease's values and says so in the evidence.
   */
  helm?: HelmDeployedFacts;
  /**
   * StatefulSets of the bundled Bitnami PostgreSQL subchart (they carry no `tier` label): select with
   * `isBundledPostgres(obj, releaseName)` from lib/checklist/bundled-postgres.ts.
   */
  databaseWorkloads?: KubeObject[];
}

function decodeBase64(s: string): string {
  return Buffer.from(s, "base64").toString("utf8");
}

const FERNET_PART = /^[A-Za-z0-9_-]{43}=$/;

function fernetWellFormed(value: string): boolean {
  const parts = value.split(",").map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => FERNET_PART.test(p) && Buffer.from(p, "base64url").length === 32);
}

function sshKeyWellFormed(value: string): boolean {
  return /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/.test(value);
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === "string") out[k] = x;
  }
  return out;
}

/**
 * Derive SecretFacts from a Secret object. With `decode`, the values of `connection`, `fernet-key` and
 * `gitSshKey` are read to derive booleans and the connection host/driver; the output carries no value.
 * `data` is base64 (as served by the API); `stringData` is plain.
 */
export function secretFactsFrom(secret: KubeObject, decode: boolean): SecretFacts {
  const data = stringMap(secret.data);
  const stringData = stringMap(secret.stringData);
  const keys = [...new Set([...Object.keys(data), ...Object.keys(stringData)])].sort();
  const facts: SecretFacts = {
    name: secret.metadata.name,
    namespace: secret.metadata.namespace,
    type: typeof secret.type === "string" ? secret.type : undefined,
    keys,
    labels: { ...(secret.metadata.labels ?? {}) },
    annotations: { ...(secret.metadata.annotations ?? {}) },
    ownerRefs: (secret.metadata.ownerReferences ?? []).map((r) => ({ ...r })),
    resourceVersion: secret.metadata.resourceVersion,
    immutable: secret.immutable === true ? true : undefined,
    decoded: decode,
  };
  // Drop annotations that can embed values (kubectl apply keeps the whole object there).
  delete facts.annotations["kubectl.kubernetes.io/last-applied-configuration"];
  if (!decode) return facts;
  const read = (key: string): string | undefined =>
    key in stringData ? stringData[key] : key in data ? decodeBase64(data[key]) : undefined;
  const connection = read("connection");
  if (connection !== undefined) {
    const parsed = parseConnectionUrl(connection);
    if (parsed) {
      facts.connection = parsed;
      facts.connectionRequiresTls = parsed.requiresTls;
    }
  }
  const fernet = read("fernet-key");
  if (fernet !== undefined) facts.fernetKeyWellFormed = fernetWellFormed(fernet.trim());
  const ssh = read("gitSshKey");
  if (ssh !== undefined) facts.sshKeyWellFormed = sshKeyWellFormed(ssh);
  return facts;
}
