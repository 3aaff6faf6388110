// GET /api/readyz — 200 when the database answers and every configured cluster's cache has synced; 503 with
// the reasons otherwise.
import { getDb } from "@/lib/db/client";
import { clusterReadiness } from "@/lib/k8s/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const reasons: string[] = [];
  try {
    const db = await getDb();
    await db.user.count();
  } catch (err) {
    reasons.push(`database: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const c of clusterReadiness()) {
    if (!c.synced) reasons.push(`cluster ${c.id}: ${c.message}`);
  }
  const ready = reasons.length === 0;
  return Response.json({ status: ready ? "ready" : "not-ready", reasons }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
