// Kubernetes I/O of actions. Reads and writes of the target are made AS THE USER (Impersonate-User plus one
// Impersonate-Group per group); every write is a JSON merge patch with fieldManager=fluxtower. Only the Event
// that records an action is created with the app's own identity (users rarely may create Events; the message
// names the user) — see ARCHITECTURE.md, Actions.
import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { KubeObject } from "@/lib/kinds/object";
import { apiVersionOf, resourceForKind, resourceInfo, type ResourceInfo } from "@/lib/kinds/registry";
import { objectPath } from "@/lib/k8s/paths";
import { kubeJson, type Impersonation } from "@/lib/k8s/transport";
import { FIELD_MANAGER, MERGE_PATCH, type MergePatch } from "./patches";

export type { Impersonation };

export function infoOf(resource: string): ResourceInfo {
  const info = resourceInfo(resource);
  if (!info) throw new Error(`unknown resource type ${resource}`);
  return info;
}

/** GET the object as the user. KubeHttpError 403/404 propagate (the route maps both to 404). */
export async function getAsUser(cluster: string, as: Impersonation, resource: string, namespace: string | null | undefined, name: string): Promise<KubeObject> {
  const info = infoOf(resource);
  return kubeJson<KubeObject>(cluster, { path: objectPath(info, namespace ?? undefined, name), impersonate: as });
}

/** PATCH (merge patch, fieldManager=fluxtower) as the user; resolves with the patched object. */
export async function patchAsUser(
  cluster: string,
  as: Impersonation,
  resource: string,
  namespace: string | null | undefined,
  name: string,
  patch: MergePatch,
): Promise<KubeObject> {
  const info = infoOf(resource);
  return kubeJson<KubeObject>(cluster, {
    method: "PATCH",
    path: objectPath(info, namespace ?? undefined, name),
    query: { fieldManager: FIELD_MANAGER },
    body: patch,
    contentType: MERGE_PATCH,
    impersonate: as,
  });
}

const MAX_EVENT_MESSAGE = 1024;

/**
 * Records a core/v1 Event (reason FluxtowerAction, source component fluxtower) on the object, as the app identity.
 * Events of cluster-scoped objects go to the "default" namespace, as Kubernetes does.
 */
export async function createActionEvent(cluster: string, obj: KubeObject, message: string, type: "Normal" | "Warning" = "Normal"): Promise<void> {
  const ns = obj.metadata.namespace ?? "default";
  const now = new Date().toISOString();
  const involved = resourceForKind(obj.kind);
  const event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${obj.metadata.name}.${randomBytes(8).toString("hex")}`.slice(-253).replace(/^[.-]+/, ""), namespace: ns },
    involvedObject: {
      apiVersion: obj.apiVersion || (involved ? apiVersionOf(involved) : undefined),
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    },
    reason: "FluxtowerAction",
    message: message.slice(0, MAX_EVENT_MESSAGE),
    type,
    source: { component: "fluxtower" },
    reportingComponent: "fluxtower",
    reportingInstance: hostname().slice(0, 128),
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
  };
  await kubeJson(cluster, { method: "POST", path: `/api/v1/namespaces/${encodeURIComponent(ns)}/events`, body: event });
}
