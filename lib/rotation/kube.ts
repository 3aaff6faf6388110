// Kubernetes I/O of rotations, always AS THE USER who started the rotation (Impersonate-User + groups), with
// fieldManager=fluxtower on every write. Secret values are decoded here, handed to the step that needs them and
// never logged, stored in the database or returned to a browser.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import { FIELD_MANAGER, MERGE_PATCH } from "@/lib/actions/patches";
import { kubeJson, type Impersonation } from "@/lib/k8s/transport";
import { createObject, deleteObject, readObject } from "./kube-object";

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
  const object = await readObject(cluster, as, secretPath(namespace, name));
  return object ? { object, data: decode(object) } : undefined;
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
export function createSecret(cluster: string, as: Impersonation, s: NewSecret): Promise<"created" | "exists"> {
  const body = { apiVersion: "v1", kind: "Secret", type: s.type ?? "Opaque", metadata: { name: s.name, namespace: s.namespace, labels: s.labels, annotations: s.annotations }, data: encode(s.data) };
  return createObject(cluster, as, secretsPath(s.namespace), body);
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
export function deleteSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<void> {
  return deleteObject(cluster, as, secretPath(namespace, name));
}

export function createJob(cluster: string, as: Impersonation, namespace: string, job: KubeObject): Promise<"created" | "exists"> {
  return createObject(cluster, as, jobsPath(namespace), job);
}

export function readJob(cluster: string, as: Impersonation, namespace: string, name: string): Promise<KubeObject | undefined> {
  return readObject(cluster, as, `${jobsPath(namespace)}/${encodeURIComponent(name)}`);
}
