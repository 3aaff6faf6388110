// Whom an audit row is about (issue 18, fix 2). Pure.
//  - a row with a cluster is about an object: shown to whoever may `get` that object (the cluster's RBAC);
//  - any other row (sign-in, sign-out, token changes) is about people: shown to the person who acted and to the
//    owner of the token it concerns — never to anyone else;
//  - admins read every row (the caller decides that).
import type { AuditRecord } from "@/lib/db/audit";

export type RowScope =
  | { kind: "object"; cluster: string; resource: string; namespace: string | null; name: string | null }
  /** A row with a cluster but no resource type: nobody but admins. */
  | { kind: "cluster"; cluster: string }
  | { kind: "people"; subjects: string[] };

type ScopedFields = Pick<AuditRecord, "cluster" | "resource" | "namespace" | "name" | "actorSubject" | "detail">;

export function rowScope(row: ScopedFields): RowScope {
  if (row.cluster) {
    return row.resource ? { kind: "object", cluster: row.cluster, resource: row.resource, namespace: row.namespace, name: row.name } : { kind: "cluster", cluster: row.cluster };
  }
  const owner = typeof row.detail.ownerSubject === "string" ? row.detail.ownerSubject : null;
  return { kind: "people", subjects: [...new Set([row.actorSubject, owner].filter((s): s is string => !!s))] };
}

/** Whether a row about people concerns `subject` (the stable "demo:…" / "<issuer>|<sub>" id, never a display name). */
export function concerns(scope: RowScope, subject: string): boolean {
  return scope.kind === "people" && scope.subjects.includes(subject);
}
