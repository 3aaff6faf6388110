// Request → principal. Session cookie today; API bearer tokens join here (issue 6).
import type { Principal } from "./principal";
import { readCookie, sessionCookieName } from "./cookies";
import { principalFromSession } from "./sessions";

export async function authenticate(req: Request): Promise<Principal | null> {
  const cookie = readCookie(req.headers.get("cookie"), sessionCookieName());
  return principalFromSession(cookie);
}

/** Best-effort client address for rate limits and the audit log. */
export function clientIp(req: Request): string {
  const fwd = req.headers.get("x-forwarded-for");
  return (fwd?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "local").slice(0, 64);
}
