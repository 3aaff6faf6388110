// The action catalog: which action applies to which resource type, which custom RBAC verb guards it, and how the
// UI names it. Pure data (no I/O) — the API, the permission endpoint and components/actions share it.

export const ACTION_NAMES = ["reconcile", "force", "reset", "suspend", "resume", "force-sync", "restart"] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** Flux kinds `flux reconcile|suspend|resume` handle (Bucket is not read by Fluxtower). */
export const FLUX_ACTION_RESOURCES = [
  "kustomizations",
  "helmreleases",
  "gitrepositories",
  "helmrepositories",
  "ocirepositories",
  "helmcharts",
] as const;

export interface ActionSpec {
  name: ActionName;
  /** Lowercase plurals the action applies to. */
  resources: readonly string[];
  /**
   * Flux-Operator-style custom RBAC verb checked besides `patch` (see lib/actions/access.ts), or null when only
   * `patch` applies (ESO kinds, workloads).
   */
  customVerb: "reconcile" | "suspend" | "resume" | null;
  /** The action writes `reconcile.fluxcd.io/requestedAt` (one token request in flight per object). */
  writesRequestToken: boolean;
  label: string;
  /** One line for tooltips and confirmations. */
  description: string;
  /** The UI asks for confirmation before sending. */
  confirm: boolean;
}

export const ACTIONS: Record<ActionName, ActionSpec> = {
  reconcile: {
    name: "reconcile",
    resources: FLUX_ACTION_RESOURCES,
    customVerb: "reconcile",
    writesRequestToken: true,
    label: "Reconcile",
    description: "Ask the Flux controller to reconcile now (reconcile.fluxcd.io/requestedAt) and wait for the result.",
    confirm: false,
  },
  force: {
    name: "force",
    resources: ["helmreleases"],
    customVerb: "reconcile",
    writesRequestToken: true,
    label: "Force upgrade",
    description: "One-off forced Helm install/upgrade (requestedAt + forceAt with the same token): a new release revision, hooks run again.",
    confirm: true,
  },
  reset: {
    name: "reset",
    resources: ["helmreleases"],
    customVerb: "reconcile",
    writesRequestToken: true,
    label: "Reset",
    description: "Clear the failure counters and retry (requestedAt + resetAt with the same token) — the way out of Stalled RetriesExceeded.",
    confirm: true,
  },
  suspend: {
    name: "suspend",
    resources: FLUX_ACTION_RESOURCES,
    customVerb: "suspend",
    writesRequestToken: false,
    label: "Suspend",
    description: "Stop reconciling (spec.suspend: true); records who suspended it, why and when.",
    confirm: true,
  },
  resume: {
    name: "resume",
    resources: FLUX_ACTION_RESOURCES,
    customVerb: "resume",
    writesRequestToken: true,
    label: "Resume",
    description: "Remove spec.suspend and the suspend annotations, request a reconcile and wait until Ready for the new generation.",
    confirm: false,
  },
  "force-sync": {
    name: "force-sync",
    resources: ["externalsecrets", "clusterexternalsecrets"],
    customVerb: null,
    writesRequestToken: false,
    label: "Force sync",
    description: "Re-read the secret from the provider now (force-sync annotation) and wait for the sync.",
    confirm: false,
  },
  restart: {
    name: "restart",
    resources: ["deployments", "statefulsets"],
    customVerb: null,
    writesRequestToken: false,
    label: "Restart",
    description: "Rolling restart (spec.template annotation kubectl.kubernetes.io/restartedAt) and wait until the rollout completes.",
    confirm: true,
  },
};

export function isActionName(value: string): value is ActionName {
  return (ACTION_NAMES as readonly string[]).includes(value);
}

/** Whether `action` applies to the resource type (lowercase plural). */
export function actionApplies(action: ActionName, resource: string): boolean {
  return ACTIONS[action].resources.includes(resource);
}

/** The actions available for a resource type, in catalog order. */
export function actionsFor(resource: string): ActionName[] {
  return ACTION_NAMES.filter((a) => actionApplies(a, resource));
}

/** Message for an action that does not apply to a resource type. */
export function notApplicableMessage(action: ActionName, resource: string): string {
  const available = actionsFor(resource);
  const hint = available.length ? `available for ${resource}: ${available.join(", ")}` : `no actions are available for ${resource}`;
  return `Action "${action}" is not available for ${resource} (${hint})`;
}
