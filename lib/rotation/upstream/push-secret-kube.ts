// PushSecret I/O of rotations, AS THE USER (impersonated), fieldManager fluxtower. The PushSecret carries no value.
import "server-only";
import type { KubeObject } from "@/lib/kinds/object";
import type { Impersonation } from "@/lib/k8s/transport";
import { createObject, deleteObject, readObject } from "../kube-object";
import { PUSH_API_VERSION } from "./push-secret-manifest";

const collection = (ns: string) => `/apis/${PUSH_API_VERSION}/namespaces/${encodeURIComponent(ns)}/pushsecrets`;
const item = (ns: string, name: string) => `${collection(ns)}/${encodeURIComponent(name)}`;

/** Creates the PushSecret; "exists" when one with that name is already there (the caller checks it is ours). */
export function createPushSecret(cluster: string, as: Impersonation, ps: KubeObject): Promise<"created" | "exists"> {
  return createObject(cluster, as, collection(ps.metadata.namespace ?? ""), ps);
}

export function readPushSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<KubeObject | undefined> {
  return readObject(cluster, as, item(namespace, name));
}

/** Deletes the PushSecret; a missing one counts as deleted. */
export function deletePushSecret(cluster: string, as: Impersonation, namespace: string, name: string): Promise<void> {
  return deleteObject(cluster, as, item(namespace, name));
}
