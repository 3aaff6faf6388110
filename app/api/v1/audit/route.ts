// GET /api/v1/audit?user=&action=&target=&outcome=&from=&to=&limit=&format=json|csv — the append-only audit log,
// newest first (JSON at most 1000 rows, CSV at most 10000). Admins read every row; everyone else the rows about
// objects they may `get` and about themselves (lib/audit/visible.ts) — the CSV export is filtered the same way.
// There is no write route.
import { auditCsv } from "@/lib/audit/csv";
import { auditFilterSchema, toAuditQuery } from "@/lib/audit/filters";
import { listVisibleAuditEvents } from "@/lib/audit/visible";
import { route } from "@/lib/http/route";
import { z } from "zod";

export const dynamic = "force-dynamic";

const CSV_MAX_ROWS = 10_000;

const query = auditFilterSchema.extend({ format: z.enum(["json", "csv"]).optional() });

export const GET = route({
  query,
  handler: async ({ query: q, user }) => {
    if (q.format === "csv") {
      const { events, scope, complete } = await listVisibleAuditEvents(user, toAuditQuery(q, q.limit ?? CSV_MAX_ROWS));
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      return new Response(auditCsv(events), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="fluxtower-audit-${stamp}.csv"`,
          "cache-control": "no-store",
          "x-fluxtower-audit-scope": scope,
          "x-fluxtower-audit-complete": String(complete),
        },
      });
    }
    const { events, scope, complete } = await listVisibleAuditEvents(user, toAuditQuery(q));
    return { events: events.map((r) => ({ ...r, at: r.at.toISOString() })), scope, complete };
  },
});
