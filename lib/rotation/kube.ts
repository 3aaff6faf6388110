// Kubernetes I/O of rotations, always AS THE USER who started the rotation (Impersonate-User + groups), with
// fieldManager=fluxtower on every write. Secret values are decoded here, handed to the step that needs them and
// never logged, stored in the database or returned to a browser.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import { FIELD_MANAGER, MERGE_PATCH } from "@/lib/actions/patches";
import { KubeHttpError, kubeJson, type Impersonation } from "@/lib/k8s/transport";

export type { Impersonation };

const secretsPath = (ns: string) => `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets`;
const secretPath = (ns: string, name: string) => `${secretsPath(ns)}/${encodeURIComponent(name)}`;
const jobsPath = (ns: string) => `/apis/batch/v1/namespaces/${encodeURIComponent(ns)}/jobs`;

export interface SecretWithData {
  object: KubeObject;
  /** Decoded values by key. */
  data: Record<string, string>;
}

function decode(obj: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  const data = obj.data;
  if (data && typeof data === "object") {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (typeof v === "string") out[k] = Buffer.from(v, "base64").toString("utf8");
  }
  return out;
}

export function encode(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Buffer.from(v, "utf8").toString("base64")]));
}

/** The Secret with its values, or undefined when it does not exist (403 propagates). */
export async function readSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<SecretWithData | undefined> {
  try {
    const object = await kubeJson<KubeObject>(cluster, { path: secretPath(namespace, name), impersonate: as });
    return { object, data: decode(object) };
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 404) return undefined;
    throw err;
  }
}

export interface NewSecret {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  data: Record<string, string>;
  type?: string;
}

/** Creates the Secret; "exists" when one with that name is already there (the caller checks it is ours). */
export async function createSecret(cluster: string, as: Impersonation, s: NewSecret): Promise<"created" | "exists"> {
  try {
    await kubeJson(cluster, {
      method: "POST",
      path: secretsPath(s.namespace),
      query: { fieldManager: FIELD_MANAGER },
      body: { apiVersion: "v1", kind: "Secret", type: s.type ?? "Opaque", metadata: { name: s.name, namespace: s.namespace, labels: s.labels, annotations: s.annotations }, data: encode(s.data) },
      impersonate: as,
    });
    return "created";
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 409) return "exists";
    throw err;
  }
}

/** Merge patch of data keys (null removes a key) and annotations; resolves with the new resourceVersion. */
export async function patchSecret(
  cluster: string,
  as: Impersonation,
  namespace: string,
  name: string,
  patch: { data?: Record<string, string>; annotations?: Record<string, string | null> },
): Promise<KubeObject> {
  const body: Record<string, unknown> = {};
  if (patch.data) body.data = encode(patch.data);
  if (patch.annotations) body.metadata = { annotations: patch.annotations };
  return kubeJson<KubeObject>(cluster, {
    method: "PATCH",
    path: secretPath(namespace, name),
    query: { fieldManager: FIELD_MANAGER },
    body,
    contentType: MERGE_PATCH,
    impersonate: as,
  });
}

/** Deletes the Secret; a missing one counts as deleted. */
export async function deleteSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<void> {
  try {
    await kubeJson(cluster, { method: "DELETE", path: secretPath(namespace, name), impersonate: as });
  } catch (err) {
    if (!(err instanceof KubeHttpError && err.status === 404)) throw err;
  }
}

export async function createJob(cluster: string, as: Impersonation, namespace: string, job: KubeObject): Promise<"created" | "exists"> {
  try {
    await kubeJson(cluster, { method: "POST", path: jobsPath(namespace), query: { fieldManager: FIELD_MANAGER }, body: job, impersonate: as });
    return "created";
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 409) return "exists";
    throw err;
  }
}

export async function readJob(cluster: string, as: Impersonation, namespace: string, name: string): Promise<KubeObject | undefined> {
  try {
    return await kubeJson<KubeObject>(cluster, { path: `${jobsPath(namespace)}/${encodeURIComponent(name)}`, impersonate: as });
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 404) return undefined;
    throw err;
  }
}
