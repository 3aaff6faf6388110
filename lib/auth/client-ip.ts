// The client address for rate limits and the audit log: the entry FLUXTOWER_TRUSTED_PROXY_HOPS from the right of
// X-Forwarded-For. Each trusted proxy appends the address it saw, so entries further left are client-supplied and
// would let anyone dodge a per-address limit by sending their own header. Next.js fills the header from the socket
// when it is absent.
import { env } from "@/lib/config/env";

export function clientIp(req: Request, hops = env().FLUXTOWER_TRUSTED_PROXY_HOPS): string {
  const entries = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return (entries[Math.max(0, entries.length - hops)] || "local").slice(0, 64);
}
