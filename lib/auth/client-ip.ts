// The client address for rate limits and the audit log, from what the client cannot choose:
//  - FLUXTOWER_TRUSTED_PROXY_HOPS=0 (the default, no proxy): the TCP peer, stamped on the request at server start
//    (lib/http/peer-address.ts). X-Forwarded-For is ignored: a client would change it to dodge a per-address limit.
//  - N > 0 proxies, each appending the address it saw: the entry N from the right of X-Forwarded-For; entries further
//    left were sent by the client. With no header at all, the peer.
// Without the stamp (no start-up hook ran) every client is "unknown": one shared, stricter bucket.
import { env } from "@/lib/config/env";

/** Keep in step with PEER_ADDRESS_HEADER in lib/http/peer-address.ts (that module is server-only: node:http). */
const PEER_ADDRESS_HEADER = "x-fluxtower-peer-address";

export function clientIp(req: Request, hops = env().FLUXTOWER_TRUSTED_PROXY_HOPS): string {
  const peer = req.headers.get(PEER_ADDRESS_HEADER)?.trim() || "unknown";
  if (hops <= 0) return peer.slice(0, 64);
  const entries = (req.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) return peer.slice(0, 64);
  return entries[Math.max(0, entries.length - hops)].slice(0, 64);
}
