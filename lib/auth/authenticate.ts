// Request → principal, from exactly one credential:
//  - `Authorization: Bearer ft_…` → the API token's user (an Authorization header never falls back to the cookie:
//    a bad token is a 401 even when a valid session cookie is present);
//  - otherwise the session cookie.
// Demo users are accepted only while demo mode is on, so credentials minted in a demo never outlive it.
import { principalFromApiToken } from "./api-tokens";
import { readCookie, sessionCookieName } from "./cookies";
import { demoModeEnabled } from "./mode";
import type { Principal } from "./principal";
import { principalFromSession } from "./sessions";

export { clientIp } from "./client-ip";

const BEARER = /^Bearer[ ]+(\S+)[ ]*$/i;

/** Drops demo principals once demo mode is off (a real cluster joined the kubeconfig, or the flag was cleared). */
export function withoutStaleDemo(p: Principal | null): Principal | null {
  return p && p.subject.startsWith("demo:") && !demoModeEnabled() ? null : p;
}

export async function authenticate(req: Request): Promise<Principal | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const m = BEARER.exec(authorization);
    return m ? withoutStaleDemo(await principalFromApiToken(m[1])) : null;
  }
  const cookie = readCookie(req.headers.get("cookie"), sessionCookieName());
  return withoutStaleDemo(await principalFromSession(cookie));
}
