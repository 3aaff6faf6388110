// The three tolerant object calls every rotation write is built from, AS THE USER (impersonated), fieldManager
// fluxtower on create: create → "exists" on 409 (the caller checks it is ours), read → undefined on 404,
// delete → done on 404. Steps are retried after crashes, so each must be safe to repeat.
import "server-only";
import { FIELD_MANAGER } from "@/lib/actions/patches";
import type { KubeObject } from "@/lib/kinds/object";
import { KubeHttpError, kubeJson, type Impersonation } from "@/lib/k8s/transport";

export async function createObject(cluster: string, as: Impersonation, collectionPath: string, body: unknown): Promise<"created" | "exists"> {
  try {
    await kubeJson(cluster, { method: "POST", path: collectionPath, query: { fieldManager: FIELD_MANAGER }, body, impersonate: as });
    return "created";
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 409) return "exists";
    throw err;
  }
}

export async function readObject(cluster: string, as: Impersonation, path: string): Promise<KubeObject | undefined> {
  try {
    return await kubeJson<KubeObject>(cluster, { path, impersonate: as });
  } catch (err) {
    if (err instanceof KubeHttpError && err.status === 404) return undefined;
    throw err;
  }
}

export async function deleteObject(cluster: string, as: Impersonation, path: string): Promise<void> {
  try {
    await kubeJson(cluster, { method: "DELETE", path, impersonate: as });
  } catch (err) {
    if (!(err instanceof KubeHttpError && err.status === 404)) throw err;
  }
}
