// Permission check of an action as the signed-in user: SubjectAccessReviews for the custom verb (when the action
// has one) and for `patch`, decided by access-rule.ts. The app's own identity is never asked in the user's stead.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/k8s/access";
import { ACTIONS, type ActionName } from "./catalog";
import { decideAccess, type AccessDecision } from "./access-rule";
import { infoOf } from "./kube";

export interface AccessTarget {
  resource: string;
  namespace: string | null;
  name: string;
}

export async function checkActionAccess(cluster: string, user: Principal, action: ActionName, target: AccessTarget): Promise<AccessDecision> {
  const info = infoOf(target.resource);
  const verb = ACTIONS[action].customVerb;
  const base = { group: info.group, resource: info.resource, namespace: target.namespace ?? undefined, name: target.name };
  const [custom, patch] = await Promise.all([verb ? can(cluster, user, { ...base, verb }) : Promise.resolve(false), can(cluster, user, { ...base, verb: "patch" })]);
  return decideAccess({ verb, custom, patch }, target);
}
