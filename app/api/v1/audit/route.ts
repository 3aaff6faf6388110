// GET /api/v1/audit?user=&action=&target=&outcome=&from=&to=&limit=&format=json|csv — the append-only audit log,
// newest first (any signed-in user; JSON at most 1000 rows, CSV at most 10000). There is no write route.
import { auditCsv } from "@/lib/audit/csv";
import { auditFilterSchema, toAuditQuery } from "@/lib/audit/filters";
import { listAuditEvents } from "@/lib/db/audit";
import { route } from "@/lib/http/route";
import { z } from "zod";

export const dynamic = "force-dynamic";

const CSV_MAX_ROWS = 10_000;

const query = auditFilterSchema.extend({ format: z.enum(["json", "csv"]).optional() });

export const GET = route({
  query,
  handler: async ({ query: q }) => {
    if (q.format === "csv") {
      const rows = await listAuditEvents(toAuditQuery(q, q.limit ?? CSV_MAX_ROWS));
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      return new Response(auditCsv(rows), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="fluxtower-audit-${stamp}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    const rows = await listAuditEvents(toAuditQuery(q));
    return { events: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
  },
});
