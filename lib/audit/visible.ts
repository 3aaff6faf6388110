// The audit log as one user may read it (issue 18, fix 2) — for GET /api/v1/audit (JSON and CSV) and the Audit
// page alike. Admins read every row. Everyone else reads:
//  - rows about an object they may `get` in its cluster (a SubjectAccessReview as for the objects themselves: the
//    namespace first, then the named object for resourceNames grants; cached 60 s by lib/k8s/access.ts);
//  - rows about themselves (their sign-ins and sign-outs, failed ones against their account, their tokens — also
//    when an admin revoked one).
// A permission check that cannot be answered (cluster unreachable, unknown cluster) hides the row.
// Rows are filtered after the query, newest first, in pages, until `limit` rows are found or MAX_SCANNED rows have
// been looked at; `complete` says whether the whole filtered log was searched.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { roleAtLeast } from "@/lib/auth/roles";
import { listAuditEvents, type AuditQuery, type AuditRecord } from "@/lib/db/audit";
import { can } from "@/lib/k8s/access";
import { configuredClusters } from "@/lib/k8s/kubeconfig";
import { resourceInfo } from "@/lib/kinds/registry";
import { logger } from "@/lib/log/logger";
import { concerns, rowScope, type RowScope } from "./row-scope";

const PAGE = 500;
export const MAX_SCANNED = 20_000;

export interface VisibleAudit {
  events: AuditRecord[];
  /** "all": an admin's full log; "yours": rows about objects you may read and about you. */
  scope: "all" | "yours";
  /** False when the search stopped after MAX_SCANNED rows before `limit` were found. */
  complete: boolean;
}

type ObjectScope = Extract<RowScope, { kind: "object" }>;

/** Memoised per request: one answer per namespace, and per named object when the namespace says no. */
function objectVisibility(user: Principal): (s: ObjectScope) => Promise<boolean> {
  const clusters = new Set(configuredClusters().map((c) => c.id));
  const memo = new Map<string, Promise<boolean>>();
  const ask = (key: string, question: () => Promise<boolean>) => {
    let answer = memo.get(key);
    if (!answer) {
      answer = question().catch((err: unknown) => {
        logger.debug({ err: err instanceof Error ? err.message : String(err) }, "audit: permission check failed; row hidden");
        return false;
      });
      memo.set(key, answer);
    }
    return answer;
  };
  return async (s) => {
    const info = resourceInfo(s.resource);
    if (!info || !clusters.has(s.cluster)) return false;
    const base = { verb: "get", group: info.group, resource: info.resource, namespace: s.namespace ?? undefined };
    const whole = await ask(`${s.cluster}|${s.resource}|${s.namespace ?? ""}`, () => can(s.cluster, user, base));
    if (whole || !s.name) return whole;
    const name = s.name;
    return ask(`${s.cluster}|${s.resource}|${s.namespace ?? ""}|${name}`, () => can(s.cluster, user, { ...base, name }));
  };
}

export async function listVisibleAuditEvents(user: Principal, query: AuditQuery & { limit: number }): Promise<VisibleAudit> {
  if (roleAtLeast(user.role, "admin")) return { events: await listAuditEvents(query), scope: "all", complete: true };
  const visible = objectVisibility(user);
  const events: AuditRecord[] = [];
  let afterId: string | undefined;
  let scanned = 0;
  while (events.length < query.limit) {
    const page = await listAuditEvents({ ...query, limit: PAGE, afterId });
    scanned += page.length;
    const shown = await Promise.all(
      page.map(async (row) => {
        const scope = rowScope(row);
        if (scope.kind === "object") return visible(scope);
        return concerns(scope, user.subject);
      }),
    );
    for (let i = 0; i < page.length && events.length < query.limit; i++) if (shown[i]) events.push(page[i]);
    if (page.length < PAGE) return { events, scope: "yours", complete: true };
    if (scanned >= MAX_SCANNED) return { events, scope: "yours", complete: events.length >= query.limit };
    afterId = page[page.length - 1].id;
  }
  return { events, scope: "yours", complete: true };
}
