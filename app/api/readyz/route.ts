// GET /api/readyz — 200 when the database answers and every configured cluster's cache has synced; 503 with
// the reasons otherwise (503 at once after SIGTERM). Open without a session (probes), so it names what is not ready and nothing more: no error
// text (addresses, driver messages). The details are in the log (database) and, for admins, on the Clusters page.
import { getDb } from "@/lib/db/client";
import { clusterReadiness } from "@/lib/k8s/readiness";
import { logger } from "@/lib/log/logger";
import { isShuttingDown } from "@/lib/shutdown/state";

export const dynamic = "force-dynamic";

export async function GET() {
  // SIGTERM received (lib/shutdown): not ready at once, so endpoints stop routing here while requests drain.
  if (isShuttingDown()) return Response.json({ status: "not-ready", reasons: ["shutting down"] }, { status: 503, headers: { "cache-control": "no-store" } });
  const reasons: string[] = [];
  try {
    const db = await getDb();
    await db.user.count();
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "readiness: the database does not answer");
    reasons.push("database: not reachable");
  }
  for (const c of clusterReadiness()) {
    if (!c.synced) reasons.push(`cluster ${c.id}: not synced`);
  }
  const ready = reasons.length === 0;
  return Response.json({ status: ready ? "ready" : "not-ready", reasons }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
