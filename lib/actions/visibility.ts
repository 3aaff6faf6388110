// Which operations a user may see: those whose target the user may `get` (their own RBAC, cached 60 s), so the
// operations list is no side channel for object names in namespaces the user cannot read.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { can } from "@/lib/k8s/access";
import { resourceInfo } from "@/lib/kinds/registry";
import type { OperationRow } from "./view";

export async function canSeeOperation(user: Principal, row: Pick<OperationRow, "cluster" | "resource" | "namespace">): Promise<boolean> {
  const info = resourceInfo(row.resource);
  if (!info) return false;
  return can(row.cluster, user, { verb: "get", group: info.group, resource: info.resource, namespace: row.namespace ?? undefined });
}

export async function visibleOperations<T extends Pick<OperationRow, "cluster" | "resource" | "namespace">>(user: Principal, rows: T[]): Promise<T[]> {
  const allowed = await Promise.all(rows.map((r) => canSeeOperation(user, r)));
  return rows.filter((_, i) => allowed[i]);
}
