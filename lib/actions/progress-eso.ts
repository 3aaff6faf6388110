// Progress of an ESO force-sync: done when `status.refreshTime` ≥ the request time (second precision) and
// Ready=True; failed when Ready turns False after the request (DOMAIN.md §2). A ClusterExternalSecret is done
// when every ExternalSecret it provisions is. Pure module.
import { conditionOf } from "@/lib/health";
import { parseTime } from "@/lib/health/time";
import { str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { StepBaseline, StepProgress, StepRecord } from "./types";

function seconds(value: unknown): number | undefined {
  const t = parseTime(value);
  return t === undefined ? undefined : Math.floor(t / 1000);
}

/** One ExternalSecret against a request made at `requestSecs` (unix seconds). */
export function evaluateExternalSecret(obj: KubeObject, requestSecs: number, baseline: StepBaseline = {}): StepProgress {
  const ready = conditionOf(obj, "Ready");
  const refreshed = seconds(obj.status?.refreshTime);
  const synced = str(obj.status?.syncedResourceVersion);
  if (refreshed !== undefined && refreshed >= requestSecs && ready?.status === "True") {
    return { state: "succeeded", message: `${ready.message || "secret synced"} at ${str(obj.status?.refreshTime)}` };
  }
  if (ready?.status === "False") {
    const changedAfter = (seconds(ready.lastTransitionTime) ?? 0) >= requestSecs;
    const newMessage = baseline.readyMessage !== undefined && ready.message !== baseline.readyMessage;
    if (changedAfter || newMessage) return { state: "failed", message: ready.message || ready.reason || "sync failed" };
  }
  const processed = (refreshed !== undefined && refreshed >= requestSecs) || (synced !== undefined && baseline.syncedResourceVersion !== undefined && synced !== baseline.syncedResourceVersion);
  if (processed) return { state: "acknowledged", message: "ESO processed the request; waiting for Ready" };
  const last = ready?.status === "False" && ready.message ? ` (currently: ${ready.message})` : "";
  return { state: "requested", message: `waiting for the ESO controller to re-read the secret${last}` };
}

/** ExternalSecrets provisioned by a ClusterExternalSecret (controller owner reference). */
export function ownedExternalSecrets(ces: KubeObject, all: KubeObject[]): KubeObject[] {
  return all.filter((es) =>
    (es.metadata.ownerReferences ?? []).some((o) => o.kind === "ClusterExternalSecret" && o.name === ces.metadata.name && (!ces.metadata.uid || !o.uid || o.uid === ces.metadata.uid)),
  );
}

export function evaluateForceSync(step: StepRecord, obj: KubeObject, children: KubeObject[] = []): StepProgress {
  const requestSecs = Number(step.token);
  if (!Number.isFinite(requestSecs)) return { state: "failed", message: "operation has no request time" };
  if (obj.kind !== "ClusterExternalSecret") return evaluateExternalSecret(obj, requestSecs, step.baseline);
  if (children.length === 0) {
    const ready = conditionOf(obj, "Ready");
    return ready?.status === "True"
      ? { state: "succeeded", message: "no ExternalSecrets are provisioned by this ClusterExternalSecret; nothing to sync" }
      : { state: "requested", message: "waiting for the ClusterExternalSecret to provision its ExternalSecrets" };
  }
  const results = children.map((es) => ({ es, p: evaluateExternalSecret(es, requestSecs) }));
  const failed = results.find((r) => r.p.state === "failed");
  if (failed) return { state: "failed", message: `${failed.es.metadata.namespace}/${failed.es.metadata.name}: ${failed.p.message}` };
  const done = results.filter((r) => r.p.state === "succeeded").length;
  if (done === results.length) return { state: "succeeded", message: `${done} ExternalSecret${done === 1 ? "" : "s"} synced` };
  const started = results.some((r) => r.p.state !== "requested");
  return { state: started ? "reconciling" : "requested", message: `${done} of ${results.length} ExternalSecrets synced` };
}
