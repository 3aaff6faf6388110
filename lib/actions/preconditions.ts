// State-based refusals, checked on the live object before anything is written: each says why and what to do.
// Pure module (shared by the action pipeline and the permissions endpoint).
import { suspendInfo } from "@/lib/health";
import { at, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { ActionName } from "./catalog";
import { parseGoDuration } from "./duration";
import { SUSPENDED_BY_NAME_ANNOTATION } from "./patches";

export interface Refusal {
  /** 409 for "not now, because of the object's state"; 400 for "never for this object". */
  code: "conflict" | "bad_request";
  message: string;
}

export function describeObject(obj: KubeObject): string {
  const ns = obj.metadata.namespace ? `${obj.metadata.namespace}/` : "";
  return `${obj.kind} ${ns}${obj.metadata.name}`;
}

/** "suspended by oidc:f3b1… (Alice) at 2025-06-12T10:00:00Z: "maintenance window"" (only the parts known). */
export function suspendedDetail(obj: KubeObject): string {
  const info = suspendInfo(obj);
  const name = obj.metadata.annotations?.[SUSPENDED_BY_NAME_ANNOTATION];
  let text = "suspended";
  if (info.by) text += ` by ${info.by}${name && name !== info.by ? ` (${name})` : ""}`;
  if (info.at) text += ` at ${info.at}`;
  if (info.reason) text += `: "${info.reason}"`;
  return text;
}

function esoRefreshSpec(obj: KubeObject): { policy: string; interval: string | undefined } {
  const spec = obj.kind === "ClusterExternalSecret" ? at(obj.spec, "externalSecretSpec") : obj.spec;
  return { policy: str(at(spec, "refreshPolicy")) ?? "Periodic", interval: str(at(spec, "refreshInterval")) };
}

function forceSyncRefusal(obj: KubeObject): Refusal | undefined {
  const { policy, interval } = esoRefreshSpec(obj);
  if (policy === "CreatedOnce") {
    return {
      code: "conflict",
      message: `${describeObject(obj)} has refreshPolicy CreatedOnce: ESO syncs it only when it is created and ignores a force-sync annotation. Change refreshPolicy (or recreate the ExternalSecret) to pick up a new value.`,
    };
  }
  if (policy === "Periodic" && interval !== undefined && parseGoDuration(interval) === 0) {
    return {
      code: "conflict",
      message: `${describeObject(obj)} has refreshInterval ${interval} with refreshPolicy Periodic: once synced, ESO never refreshes it, so a force-sync annotation does nothing. Set a non-zero refreshInterval or refreshPolicy OnChange.`,
    };
  }
  return undefined;
}

function restartRefusal(obj: KubeObject): Refusal | undefined {
  if (obj.kind === "Deployment" && obj.spec?.paused === true) {
    return { code: "conflict", message: `${describeObject(obj)} is paused: a restart would not roll out. Resume the rollout first (kubectl rollout resume).` };
  }
  if (obj.kind === "StatefulSet" && str(at(obj.spec, "updateStrategy", "type")) === "OnDelete") {
    return {
      code: "conflict",
      message: `${describeObject(obj)} uses updateStrategy OnDelete: the controller replaces a pod only when it is deleted, so a restart annotation would never roll out. Delete its pods one at a time instead (highest ordinal first, waiting for each to be Ready).`,
    };
  }
  return undefined;
}

/** Why `action` cannot run on `obj` now, or undefined when it can. */
export function refusalFor(action: ActionName, obj: KubeObject): Refusal | undefined {
  const what = describeObject(obj);
  if (obj.metadata.deletionTimestamp) return { code: "conflict", message: `${what} is being deleted` };
  const suspended = suspendInfo(obj).suspended;
  switch (action) {
    case "reconcile":
    case "force":
    case "reset":
      if (suspended) return { code: "conflict", message: `${what} is ${suspendedDetail(obj)}. Resume it before reconciling.` };
      if (obj.kind === "HelmRepository" && obj.spec?.type === "oci") {
        return { code: "bad_request", message: `${what} is of type oci: it is static and has nothing to reconcile (reconciliation not supported by the object)` };
      }
      return undefined;
    case "suspend":
      return suspended ? { code: "conflict", message: `${what} is already ${suspendedDetail(obj)}` } : undefined;
    case "resume":
      return suspended ? undefined : { code: "conflict", message: `${what} is not suspended` };
    case "force-sync":
      return forceSyncRefusal(obj);
    case "restart":
      return restartRefusal(obj);
  }
}
