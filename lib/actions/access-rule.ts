// The permission rule for actions, decided from two SubjectAccessReviews for the signed-in user. Pure.
//
// Decision (documented in ARCHITECTURE.md by the lead): an action is allowed when the user may `patch` the object.
// The Flux-Operator-style custom verb (`reconcile`/`suspend`/`resume`) is asked as well:
//  - custom verb AND patch → allowed;
//  - patch without the custom verb → allowed: the user could send the same annotation with kubectl, so refusing
//    would protect nothing, and clusters without Flux Operator's roles never grant the custom verbs;
//  - custom verb WITHOUT patch → refused before writing: every write is an impersonated PATCH and the API server
//    enforces `patch` for the user, so it would fail anyway (the app's own identity is never a fallback);
//  - neither → refused.
// Whatever this rule says, the API server checks `patch` again on the impersonated request.

export interface AccessFacts {
  verb: string | null; // the custom verb asked, or null when the action has none
  custom: boolean; // the custom verb is granted (false when verb is null)
  patch: boolean;
}

export interface AccessDecision {
  allowed: boolean;
  /** Why not, in words that name the verbs, resource and namespace. */
  reason?: string;
}

export function decideAccess(facts: AccessFacts, target: { resource: string; namespace?: string | null; name: string }): AccessDecision {
  if (facts.patch) return { allowed: true };
  const where = target.namespace ? ` in namespace ${target.namespace}` : "";
  if (facts.verb && facts.custom) {
    return {
      allowed: false,
      reason: `Your Kubernetes RBAC grants "${facts.verb}" but not "patch" on ${target.resource}${where}; Fluxtower acts as you, and the API server needs "patch" to write the request`,
    };
  }
  const nor = facts.verb ? ` (nor "${facts.verb}")` : "";
  return { allowed: false, reason: `Your Kubernetes RBAC does not allow "patch"${nor} on ${target.resource}${where}` };
}
