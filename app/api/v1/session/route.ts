// GET /api/v1/session — the signed-in user. POST — demo sign-in { username, password }. DELETE — sign out; for a
// single-sign-on user whose provider offers RP-initiated logout, the answer is 200 { endSessionUrl } and the browser
// continues there (the provider ends its session and sends the browser back to /sign-in).
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { clientIp } from "@/lib/auth/authenticate";
import { clearedSessionCookieHeader, sessionCookieHeader } from "@/lib/auth/cookies";
import { DEMO_USERS, verifyDemoCredentials } from "@/lib/auth/demo-users";
import { demoModeEnabled } from "@/lib/auth/mode";
import { oidcConfig } from "@/lib/auth/oidc/config";
import { endSessionUrl, isOidcSubject } from "@/lib/auth/oidc/logout";
import { limiter } from "@/lib/auth/rate-limit";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { upsertUser } from "@/lib/auth/users";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";
import { publicRoute, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const signInBody = z.object({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(512),
});

const FAILURES_PER_MINUTE = 10;
/** The actor of a failed sign-in whose typed username belongs to nobody. */
const UNKNOWN_USER = "(unknown user)";

export const GET = route({
  handler: async ({ user }) => ({ user: { name: user.name, role: user.role, groups: user.groups } }),
});

export const POST = publicRoute({
  mutation: true,
  allowReadOnly: true,
  maxBodyBytes: 4096,
  body: signInBody,
  handler: async ({ req, body, requestId }) => {
    if (!demoModeEnabled()) throw new AppError("not_found", "Password sign-in is not enabled; use single sign-on");
    const failures = limiter("sign-in-failures", FAILURES_PER_MINUTE, 60_000);
    const ip = clientIp(req);
    // Keyed by client address only: a per-username key would let anyone lock out a colleague.
    const keys = [`ip:${ip}`];
    const wait = Math.max(...(await Promise.all(keys.map((k) => failures.retryAfter(k)))));
    if (wait > 0) {
      throw new AppError("rate_limited", "Too many failed sign-ins; try again later", { "retry-after": String(wait) });
    }
    const demo = verifyDemoCredentials(body.username, body.password, env().FLUXTOWER_DEMO_PASSWORD);
    if (!demo) {
      await Promise.all(keys.map((k) => failures.hit(k)));
      // A typed name that is no user's is never stored (it is often a password typed into the wrong field); a
      // failure against a real account is recorded for that account, whose owner then sees it.
      const known = DEMO_USERS.find((u) => u.username === body.username);
      await recordAudit({
        requestId,
        actor: known ? known.username : UNKNOWN_USER,
        actorSubject: known ? `demo:${known.username}` : null,
        action: "sign-in",
        outcome: "failure",
        detail: { ip, method: "demo" },
      });
      throw new AppError("unauthenticated", "Invalid username or password");
    }
    const user = await upsertUser({ subject: `demo:${demo.username}`, name: demo.username, role: demo.role, groups: demo.groups });
    const session = await createSession(user.id, { ip, userAgent: req.headers.get("user-agent") ?? undefined });
    await recordAudit({ requestId, actor: user.name, actorSubject: user.subject, groups: demo.groups, action: "sign-in", outcome: "success", detail: { ip, method: "demo" } });
    return Response.json(
      { user: { name: user.name, role: demo.role, groups: demo.groups } },
      { headers: { "set-cookie": sessionCookieHeader(session.cookieValue, session.maxAgeSeconds), "cache-control": "no-store" } },
    );
  },
});

export const DELETE = route({
  mutation: true,
  allowReadOnly: true,
  handler: async ({ user, requestId }) => {
    if (user.sessionId) await revokeSession(user.sessionId);
    await recordAudit({ requestId, actor: user.name, actorSubject: user.subject, groups: user.groups, action: "sign-out", outcome: "success" });
    const oidc = oidcConfig();
    const endSession = oidc && isOidcSubject(oidc, user.subject) ? await endSessionUrl(oidc, env().publicUrl.origin) : null;
    const headers = { "set-cookie": clearedSessionCookieHeader(), "cache-control": "no-store" };
    if (endSession) return Response.json({ endSessionUrl: endSession }, { headers });
    return new Response(null, { status: 204, headers });
  },
});
