// GET /api/healthz — the process is alive. No session needed, no dependencies checked.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
