// PushSecret I/O of rotations, AS THE USER (impersonated), fieldManager fluxtower. The PushSecret carries no value.
import "server-only";
import { FIELD_MANAGER } from "@/lib/actions/patches";
import type { KubeObject } from "@/lib/kinds/object";
import { KubeHttpError, kubeJson, type Impersonation } from "@/lib/k8s/transport";
import { PUSH_API_VERSION } from "./push-secret-manifest";

const collection = (ns: string) => `/apis/${PUSH_API_VERSION}/namespaces/${encodeURIComponent(ns)}/pushsecrets`;
const item = (ns: string, name: string) => `${collection(ns)}/${encodeURIComponent(name)}`;

/** Creates the PushSecret; "exists" when one with that name is already there (the caller checks it is ours). */
export async function createPushSecret(cluster: string, as: Impersonation, ps: KubeObject): Promise<"created" | "exists"> {
  try {
    await kubeJson(cluster, { method: "POST", path: collection(ps.metadata.namespace ?? ""), query: { fieldManager: FIELD_MANAGER }, body: ps, impersonate: as });
    return "created";
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 409) return "exists";
    throw err;
  }
}

export async function readPushSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<KubeObject | undefined> {
  try {
    return await kubeJson<KubeObject>(cluster, { path: item(namespace, name), impersonate: as });
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 404) return undefined;
    throw err;
  }
}

/** Deletes the PushSecret; a missing one counts as deleted. */
export async function deletePushSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<void> {
  try {
    await kubeJson(cluster, { method: "DELETE", path: item(namespace, name), impersonate: as });
  } catch (err) {
    if (!(err instanceof KubeHttpError && err.status === 404)) throw err;
  }
}
