// The objects of one upstream write through ESO: a source Secret holding exactly the backend value under key
// "value", and a PushSecret (external-secrets.io/v1alpha1, ESO v2.9.0 CRD) selecting it that writes that key to the
// remote key/property the ExternalSecret reads, in the same store. deletionPolicy None: deleting the PushSecret
// afterwards keeps the pushed value; updatePolicy Replace: an existing value is overwritten; refreshInterval 0s:
// pushed once (ESO pushes when the PushSecret is new or changed, never periodically). The PushSecret references
// the value and never contains it. Pure module.
import type { KubeObject } from "@/lib/kinds/object";
import type { RemoteField } from "../eso-remote";
import { ROTATION_ID_LABEL } from "../kinds";
import { childName, labelValue, shortId } from "../naming";
import type { UpstreamStore } from "./types";

export const PUSH_API_VERSION = "external-secrets.io/v1alpha1";
export const PUSH_SOURCE_KEY = "value";
/** Marks the source Secret and the PushSecret of an upstream write (cleanup finds leftovers by the journal). */
export const PUSH_FOR_LABEL = "fluxtower.dev/push-for";

export interface PushTarget {
  namespace: string;
  /** The ESO-managed Secret being rotated. */
  secret: string;
  rotationId: string;
  /** The journal step doing the write (a rotation may write several times: new,old → new; restore). */
  stepIndex: number;
  store: UpstreamStore;
  remote: RemoteField;
}

/** One name for both objects (different kinds), unique per rotation and step. */
export function pushObjectName(t: Pick<PushTarget, "secret" | "rotationId" | "stepIndex">): string {
  return childName(t.secret, `push-${shortId(t.rotationId)}-${t.stepIndex}`, 253);
}

export function pushLabels(t: PushTarget): Record<string, string> {
  return { [ROTATION_ID_LABEL]: t.rotationId, [PUSH_FOR_LABEL]: labelValue(t.secret), "app.kubernetes.io/managed-by": "fluxtower" };
}

/** The source Secret (input for kube.createSecret): the backend value only, under PUSH_SOURCE_KEY. */
export function pushSourceSecret(t: PushTarget, upstreamValue: string) {
  return { name: pushObjectName(t), namespace: t.namespace, labels: pushLabels(t), annotations: {}, data: { [PUSH_SOURCE_KEY]: upstreamValue } };
}

/** The PushSecret for one remote field. */
export function pushSecretManifest(t: PushTarget): KubeObject {
  const name = pushObjectName(t);
  const remoteRef: Record<string, string> = { remoteKey: t.remote.item };
  if (t.remote.property) remoteRef.property = t.remote.property;
  return {
    apiVersion: PUSH_API_VERSION,
    kind: "PushSecret",
    metadata: { name, namespace: t.namespace, labels: pushLabels(t) },
    spec: {
      refreshInterval: "0s",
      updatePolicy: "Replace",
      deletionPolicy: "None",
      secretStoreRefs: [{ kind: t.store.kind, name: t.store.name }],
      selector: { secret: { name } },
      data: [{ match: { secretKey: PUSH_SOURCE_KEY, remoteRef } }],
    },
  };
}

/** status.syncedPushSecrets keys ESO uses for this write: "<Kind>/<store>" and "<remoteKey>[/<property>]". */
export function syncedKeys(t: Pick<PushTarget, "store" | "remote">): { store: string; ref: string } {
  return { store: `${t.store.kind}/${t.store.name}`, ref: t.remote.property ? `${t.remote.item}/${t.remote.property}` : t.remote.item };
}

export type PushProgress = { state: "synced"; message: string } | { state: "errored"; message: string } | { state: "pending"; message: string };

/** What ESO reports for the PushSecret: Ready True/Synced with our entry in syncedPushSecrets, Errored, or not yet. */
export function pushProgress(ps: KubeObject | undefined, t: Pick<PushTarget, "store" | "remote">): PushProgress {
  if (!ps) return { state: "pending", message: "waiting for the PushSecret" };
  const status = (ps.status ?? {}) as Record<string, unknown>;
  const conditions = Array.isArray(status.conditions) ? (status.conditions as Record<string, unknown>[]) : [];
  const ready = conditions.find((c) => c.type === "Ready");
  const message = typeof ready?.message === "string" ? ready.message : "";
  if (ready?.status === "False" && ready.reason === "Errored") return { state: "errored", message: message || "PushSecret errored" };
  if (ready?.status !== "True" || ready.reason !== "Synced") return { state: "pending", message: "waiting for ESO to push the value" };
  const keys = syncedKeys(t);
  const synced = status.syncedPushSecrets as Record<string, Record<string, unknown>> | undefined;
  if (!synced?.[keys.store]?.[keys.ref]) return { state: "pending", message: `ESO reports Synced, but not yet for ${keys.store} ${keys.ref}` };
  if (typeof status.syncedResourceVersion !== "string" || !status.syncedResourceVersion) return { state: "pending", message: "waiting for ESO to record the synced version" };
  return { state: "synced", message: message || "PushSecret synced successfully" };
}
