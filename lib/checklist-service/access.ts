// Who may see and act on a checklist. Seeing needs Kubernetes `get` on helmreleases in the release's namespace
// (checked as the user); attesting, requesting waivers and reviews needs the operator role (enforced by the
// route); approving needs the admin role or membership of FLUXTOWER_APPROVER_GROUPS, and never one's own request.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { roleAtLeast } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";
import type { KubeObject } from "@/lib/kinds/object";
import { can } from "@/lib/k8s/access";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import { requireCluster } from "@/lib/cluster-view/visibility";
import type { ChecklistPermissions } from "./api-types";
import { findSubject } from "./subjects";

const HELM_GROUP = "helm.toolkit.fluxcd.io";

/** True when the user may `get` HelmReleases in the namespace (their own RBAC). */
export function canSeeReleases(cluster: string, user: Principal, namespace: string): Promise<boolean> {
  return can(cluster, user, { verb: "get", group: HELM_GROUP, resource: "helmreleases", namespace });
}

/** The cluster cache and the Airflow HelmRelease, or 404 when missing or not visible (same answer for both). */
export async function requireSubject(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
): Promise<{ cache: ClusterCache; release: KubeObject }> {
  const cache = requireCluster(cluster);
  const visible = await canSeeReleases(cluster, user, namespace);
  const release = visible ? findSubject(cache, namespace, name) : undefined;
  if (!release)
    throw new AppError("not_found", `No Airflow HelmRelease ${namespace}/${name} (or it is not visible to you)`);
  return { cache, release };
}

/** Admins and members of a configured approver group may approve reviews and waivers. */
export function isApprover(user: Principal): boolean {
  if (user.role === "admin") return true;
  const groups = new Set(user.groups);
  return env().FLUXTOWER_APPROVER_GROUPS.some((g) => groups.has(g));
}

/** Same person: by subject, and by display name as well (fail safe: the evaluator compares names). */
export function samePerson(user: Principal, subject: string, name: string): boolean {
  return user.subject === subject || user.name.trim().toLowerCase() === name.trim().toLowerCase();
}

/** 403 unless the user may approve and is not the requester. */
export function assertCanDecide(user: Principal, requester: { subject: string; name: string }, what: string): void {
  if (!isApprover(user)) {
    throw new AppError(
      "forbidden",
      `Approving ${what} needs the admin role or an approver group; you are ${user.role}`,
    );
  }
  if (samePerson(user, requester.subject, requester.name)) {
    throw new AppError("forbidden", `You requested this ${what}; another approver must decide it (two-person rule)`);
  }
}

/** The actions the page may offer (the routes enforce the same). */
export function permissionsOf(user: Principal): ChecklistPermissions {
  const readOnly = env().FLUXTOWER_READ_ONLY;
  const operator = !readOnly && roleAtLeast(user.role, "operator");
  return {
    attest: operator,
    requestWaiver: operator,
    requestReview: operator,
    approve: !readOnly && isApprover(user),
    evaluate: true,
    self: user.name,
  };
}
