// Planning an action request, before anything is written: allow-list (kind × action) → input rules → the live
// object read AS THE USER (unknown or invisible → 404) → state refusals (409/400) → sources for withSource →
// permission check as the user for every object that will be patched (403).
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import type { KubeObject } from "@/lib/kinds/object";
import { KubeHttpError } from "@/lib/k8s/transport";
import { actionApplies, notApplicableMessage } from "./catalog";
import { DEFINITIONS } from "./definitions";
import type { ActionDefinition, ValidatedInput } from "./definition";
import { timeoutFor } from "./duration";
import { checkActionAccess } from "./access";
import { getAsUser, infoOf } from "./kube";
import { describeObject, refusalFor } from "./preconditions";
import type { ActionRequest, ActionTarget, StepRecord } from "./types";
import { planSources, type SourceRef } from "./with-source";

export interface PlannedAction {
  def: ActionDefinition;
  input: ValidatedInput;
  target: ActionTarget & { namespace?: string };
  /** The objects to patch, in order (sources first), each with its step and its live state. */
  steps: Array<{ step: StepRecord; object: KubeObject }>;
}

/** Checks resource/namespace shape and returns the normalised target. */
export function normaliseTarget(req: ActionRequest): ActionTarget {
  if (!actionApplies(req.action, req.resource)) throw new AppError("bad_request", notApplicableMessage(req.action, req.resource));
  const info = infoOf(req.resource);
  const namespace = req.namespace === "_" || req.namespace === "" ? undefined : req.namespace;
  if (info.namespaced && !namespace) throw new AppError("bad_request", `namespace is required for ${req.resource}`);
  if (!info.namespaced && namespace) throw new AppError("bad_request", `${req.resource} are cluster-scoped: omit namespace`);
  return { resource: req.resource, namespace, name: req.name };
}

async function readAsUser(cluster: string, user: Principal, ref: { resource: string; namespace?: string | null; name: string }, label: string): Promise<KubeObject> {
  try {
    return await getAsUser(cluster, { user: user.kubeUser, groups: user.groups }, ref.resource, ref.namespace, ref.name);
  } catch (err) {
    if (err instanceof KubeHttpError && (err.status === 403 || err.status === 404)) {
      throw new AppError("not_found", `${label} not found (or not visible to you)`);
    }
    throw err;
  }
}

function stepFor(object: KubeObject, resource: string, role: StepRecord["role"], progress: StepRecord["progress"], actor: string): StepRecord {
  return {
    resource,
    kind: object.kind,
    namespace: object.metadata.namespace ?? null,
    name: object.metadata.name,
    role,
    progress,
    state: "requested",
    message: role === "source" ? "waiting to be sent" : "about to be sent",
    actor,
    timeoutMs: timeoutFor(object),
  };
}

export async function planAction(cluster: string, user: Principal, req: ActionRequest): Promise<PlannedAction> {
  const target = normaliseTarget(req);
  const def = DEFINITIONS[req.action];
  const input = def.validate(req);
  const kind = infoOf(target.resource).kind;
  const object = await readAsUser(cluster, user, target, `${kind} ${target.namespace ? `${target.namespace}/` : ""}${target.name}`);

  const refusal = refusalFor(req.action, object);
  if (refusal) throw new AppError(refusal.code, refusal.message);

  const steps: PlannedAction["steps"] = [];
  if (input.withSource) {
    const fetch = (ref: SourceRef) => readAsUser(cluster, user, ref, `source ${ref.kind} ${ref.namespace}/${ref.name}`);
    for (const source of await planSources(object, fetch)) {
      const r = refusalFor("reconcile", source.object);
      if (r) throw new AppError(r.code, `source ${r.message}`);
      steps.push({ step: stepFor(source.object, source.ref.resource, "source", "reconcile", user.kubeUser), object: source.object });
    }
  }
  steps.push({ step: stepFor(object, target.resource, "target", def.progress, user.kubeUser), object });

  const decisions = await Promise.all(
    steps.map(({ step }) => checkActionAccess(cluster, user, req.action, { resource: step.resource, namespace: step.namespace, name: step.name })),
  );
  decisions.forEach((d, i) => {
    if (!d.allowed) {
      const what = steps.length > 1 ? `${describeObject(steps[i].object)}: ` : "";
      throw new AppError("forbidden", `${what}${d.reason ?? "not allowed"}`);
    }
  });
  return { def, input, target, steps };
}
