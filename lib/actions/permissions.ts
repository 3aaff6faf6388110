// What the signed-in user may do with one object, for showing, hiding and disabling action buttons: app role,
// read-only mode, the object's state (suspended, OCI HelmRepository, CreatedOnce, OnDelete, …) and Kubernetes
// RBAC as the user. The POST pipeline checks all of it again (against the live object) before writing.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { roleAtLeast } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import { healthOf, suspendInfo } from "@/lib/health";
import { AppError } from "@/lib/http/errors";
import { can } from "@/lib/k8s/access";
import { clusterCache } from "@/lib/k8s/cache/registry";
import { actionsFor, type ActionName } from "./catalog";
import { checkActionAccess } from "./access";
import { infoOf } from "./kube";
import { refusalFor } from "./preconditions";
import type { ActionTarget } from "./types";
import type { ActionPermission, PermissionsView } from "./view";

export async function actionPermissions(cluster: string, user: Principal, target: ActionTarget): Promise<PermissionsView> {
  const cache = clusterCache(cluster);
  if (!cache) throw new AppError("not_found", `Unknown cluster "${cluster}"`);
  const info = infoOf(target.resource);
  const namespace = info.namespaced ? target.namespace : undefined;
  const visible = await can(cluster, user, { verb: "get", group: info.group, resource: info.resource, namespace, name: target.name });
  const obj = visible ? cache.get(target.resource, namespace, target.name) : undefined;
  if (!obj) throw new AppError("not_found", "Not found (or not visible to you)");

  const health = healthOf(obj);
  const readOnly = env().FLUXTOWER_READ_ONLY;
  const operator = roleAtLeast(user.role, "operator");
  const entries = await Promise.all(
    actionsFor(target.resource).map(async (action): Promise<[ActionName, ActionPermission]> => {
      const recommended = action === "reset" && health.offerReset === true ? { recommended: true } : {};
      if (!operator) return [action, { allowed: false, code: "role", reason: `Actions need the operator role; you are ${user.role}` }];
      if (readOnly) return [action, { allowed: false, code: "read-only", reason: "Fluxtower is in read-only mode" }];
      const refusal = refusalFor(action, obj);
      if (refusal) return [action, { allowed: false, code: "state", reason: refusal.message, ...recommended }];
      const decision = await checkActionAccess(cluster, user, action, { resource: target.resource, namespace: namespace ?? null, name: target.name });
      if (!decision.allowed) return [action, { allowed: false, code: "rbac", reason: decision.reason, ...recommended }];
      return [action, { allowed: true, ...recommended }];
    }),
  );
  const isFlux = info.family === "flux-source" || info.family === "flux-reconciler";
  return { actions: Object.fromEntries(entries), suspend: isFlux ? suspendInfo(obj) : null };
}
